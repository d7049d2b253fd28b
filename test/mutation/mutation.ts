import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One exact replacement: `search` must occur exactly once in `file`. */
export interface Edit {
  /** Relative to the repository root. */
  file: string;
  search: string;
  replace: string;
}

/**
 * One deliberate bug in production code, and the suites that must notice it. The runner plants it
 * by replacing `search` (which must occur exactly once in `file`) with `replace`, runs `suites`,
 * and restores the file.
 */
export interface Mutation extends Edit {
  id: string;
  /** The bug, in words: what a broken build would do. */
  description: string;
  /**
   * Further edits planted together with the first, for a bug that redundant checks would each mask
   * alone (e.g. a self-check blinded while the import goes wrong): kept rare, said why.
   */
  also?: Edit[];
  /** The jest files (relative paths) expected to fail: only these run for this mutation. */
  suites: string[];
  /** Part of the name of the test that claims to catch it: that test itself must fail, not just any. */
  claim: string;
}

/** Every edit of a mutation, the first one first. */
export const editsOf = (m: Mutation): Edit[] => [{ file: m.file, search: m.search, replace: m.replace }, ...(m.also ?? [])];

/** Why a mutation cannot be applied to the current code (undefined when it can). */
export function staleness(root: string, m: Mutation): string | undefined {
  const edits = editsOf(m);
  if (new Set(edits.map((e) => `${e.file}\n${e.search}`)).size !== edits.length) return 'two edits replace the same text';
  for (const e of edits) {
    if (e.search === e.replace) return `${e.file}: search and replace are equal, nothing would change`;
    let text: string;
    try {
      text = readFileSync(join(root, e.file), 'utf8');
    } catch {
      return `${e.file} does not exist`;
    }
    const count = text.split(e.search).length - 1;
    if (count !== 1) return `the search text occurs ${count} times in ${e.file} (exactly once needed): update the mutation list`;
  }
  return undefined;
}

/** The file's text with the edit planted (call `staleness` first). */
export function mutatedText(original: string, e: Edit): string {
  const at = original.indexOf(e.search);
  return original.slice(0, at) + e.replace + original.slice(at + e.search.length);
}
