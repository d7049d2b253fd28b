import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One deliberate bug in production code, and the suites that must notice it. The runner plants it
 * by replacing `search` (which must occur exactly once in `file`) with `replace`, runs `suites`,
 * and restores the file.
 */
export interface Mutation {
  id: string;
  /** The bug, in words: what a broken build would do. */
  description: string;
  /** The file to mutate, relative to the repository root. */
  file: string;
  /** Exact text to replace: must occur exactly once in the file (else the list is stale). */
  search: string;
  replace: string;
  /** The jest files (relative paths) expected to fail: only these run for this mutation. */
  suites: string[];
  /** Part of the name of the test that claims to catch it: that test itself must fail, not just any. */
  claim: string;
}

/** Why a mutation cannot be applied to the current code (undefined when it can). */
export function staleness(root: string, m: Mutation): string | undefined {
  if (m.search === m.replace) return 'search and replace are equal: nothing would change';
  let text: string;
  try {
    text = readFileSync(join(root, m.file), 'utf8');
  } catch {
    return `${m.file} does not exist`;
  }
  const count = text.split(m.search).length - 1;
  if (count !== 1) return `the search text occurs ${count} times in ${m.file} (exactly once needed): update the mutation list`;
  return undefined;
}

/** The file's text with the mutation planted (call `staleness` first). */
export function mutatedText(original: string, m: Mutation): string {
  const at = original.indexOf(m.search);
  return original.slice(0, at) + m.replace + original.slice(at + m.search.length);
}
