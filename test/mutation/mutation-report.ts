import { readFileSync, writeFileSync } from 'node:fs';
import type { JestOutcome } from './jest-run';
import { editsOf, type Mutation } from './mutation';
import type { MutationGroup } from './mutations';

export type Verdict = 'caught' | 'SURVIVED' | 'CAUGHT ELSEWHERE' | 'TIMEOUT' | 'STALE';

export interface MutationResult {
  mutation: Mutation;
  verdict: Verdict;
  /** Failing tests, the claimed one(s) first. */
  failed: string[];
  broken: string[];
  seconds: number;
  note?: string;
}

/**
 * caught: the test whose name claims the bug failed. CAUGHT ELSEWHERE: the suites failed, but not
 * that test (its name promises more than it checks). SURVIVED: every named suite passed.
 */
export function verdictOf(m: Mutation, run: JestOutcome): { verdict: Verdict; failed: string[] } {
  if (run.timedOut) return { verdict: 'TIMEOUT', failed: run.failed };
  const claimed = run.failed.filter((name) => name.includes(m.claim));
  const others = run.failed.filter((name) => !name.includes(m.claim));
  const failed = [...claimed, ...others];
  if (claimed.length > 0) return { verdict: 'caught', failed };
  if (run.exitCode === 0 && run.failed.length === 0 && run.broken.length === 0) return { verdict: 'SURVIVED', failed };
  return { verdict: 'CAUGHT ELSEWHERE', failed };
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const shortName = (test: string): string => test.replace(/^.*\/([^/]+) › /, '$1 › ');

/** The failing tests for a table cell: the first two in full, then how many more. */
function failures(r: MutationResult): string {
  if (r.verdict === 'STALE') return r.note ?? '';
  if (r.failed.length === 0 && r.broken.length === 0) return '—';
  const shown = r.failed.slice(0, 2).map((t) => `“${shortName(t)}”`);
  if (r.failed.length === 0) shown.push(...r.broken.slice(0, 1).map((b) => `suite failed to run: ${b}`));
  const more = r.failed.length - Math.min(2, r.failed.length);
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** Markdown: one table per group, one row per mutation run. */
export function resultTables(groups: MutationGroup[], results: MutationResult[]): string {
  const out: string[] = [];
  for (const group of groups) {
    const rows = results.filter((r) => group.mutations.includes(r.mutation));
    if (rows.length === 0) continue;
    out.push(
      `### ${group.title}`,
      '',
      '| Mutation | The planted bug | Suites run | Result | Failing tests (the claimed one first) |',
      '|---|---|---|---|---|',
    );
    for (const r of rows) {
      const suites = r.mutation.suites.map((s) => `\`${s.split('/').pop()}\``).join(', ');
      const files = [...new Set(editsOf(r.mutation).map((e) => `\`${e.file.split('/').pop()}\``))].join(' + ');
      out.push(
        `| \`${r.mutation.id}\` (${files}) | ${cell(r.mutation.description)} | ${suites} | **${r.verdict}** | ${cell(failures(r))} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

export const TABLE_START = '<!-- mutation-table:start -->';
export const TABLE_END = '<!-- mutation-table:end -->';

/** Replaces the generated part of the doc (between the markers), leaving the prose around it. */
export function writeTablesInto(docFile: string, tables: string, summary: string): void {
  const doc = readFileSync(docFile, 'utf8');
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${docFile} has no ${TABLE_START} … ${TABLE_END} markers`);
  const generated = `${TABLE_START}\n<!-- written by \`npm run mutations -- --write-doc\`; do not edit by hand -->\n\n${summary}\n\n${tables}\n`;
  writeFileSync(docFile, doc.slice(0, start) + generated + doc.slice(end));
}
