// `npm run mutations [-- ids… | --list | --check | --write-doc]`: plants each bug of the list in the
// working tree, one at a time, runs only the suites named for it, and always restores the file.
// Not part of `npm test` (it runs the named suites once per mutation). See docs/mutation-checks.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runJest, stopRunningJest } from './jest-run';
import { editsOf, mutatedText, staleness, type Mutation } from './mutation';
import { resultTables, verdictOf, writeTablesInto, type MutationResult } from './mutation-report';
import { ALL_MUTATIONS, MUTATION_GROUPS } from './mutations';

const ROOT = resolve(__dirname, '../..');
const LOGS = join(ROOT, 'var/mutations');
const DOC = join(ROOT, 'docs/mutation-checks.md');
/** One mutation's suites never take this long on a loaded machine; beyond it the run is stopped. */
const LIMIT_MS = 20 * 60_000;

const say = (line = ''): void => void process.stdout.write(`${line}\n`);

/** The files mutated now and their text before: restored on every way out. */
let planted: Array<{ file: string; original: string }> = [];

function restore(): void {
  for (const { file, original } of planted) writeFileSync(file, original);
  planted = [];
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stopRunningJest();
    const files = planted.map((p) => p.file);
    restore();
    say(`\n${signal}: stopped${files.length > 0 ? `; restored ${files.join(', ')}` : ''}`);
    process.exit(130);
  });
}
process.on('exit', restore);

function selected(args: string[]): Mutation[] {
  const ids = args.filter((a) => !a.startsWith('--'));
  const unknown = ids.filter((id) => !ALL_MUTATIONS.some((m) => m.id === id));
  if (unknown.length > 0) throw new Error(`unknown mutation id(s): ${unknown.join(', ')} (npm run mutations -- --list)`);
  return ids.length === 0 ? ALL_MUTATIONS : ALL_MUTATIONS.filter((m) => ids.includes(m.id));
}

/** The list is usable: ids unique, every search text found exactly once. */
function listProblems(mutations: Mutation[]): string[] {
  const problems: string[] = [];
  const ids = ALL_MUTATIONS.map((m) => m.id);
  for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push(`${id}: id used twice`);
  for (const m of mutations) {
    const why = staleness(ROOT, m);
    if (why) problems.push(`${m.id}: ${why}`);
    if (m.suites.length === 0) problems.push(`${m.id}: no suite named`);
  }
  return problems;
}

/** Files with changes not committed: a mutation there would mix with someone's work (and restore it wrong). */
function dirtyFiles(files: string[]): string[] {
  const out = execFileSync('git', ['status', '--porcelain', '--', ...files], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\n').filter((l) => l.trim() !== '');
}

async function runOne(m: Mutation, index: number, total: number): Promise<MutationResult> {
  const edits = editsOf(m).map((e) => ({ ...e, path: join(ROOT, e.file) }));
  say(`[${index}/${total}] ${m.id}: ${m.description}`);
  const started = Date.now();
  // Several edits may touch one file: remember each file once, before the first edit.
  const originals = new Map(edits.map((e) => [e.path, readFileSync(e.path, 'utf8')]));
  planted = [...originals].map(([file, original]) => ({ file, original }));
  let result: MutationResult;
  try {
    for (const e of edits) writeFileSync(e.path, mutatedText(readFileSync(e.path, 'utf8'), e));
    const run = await runJest(ROOT, m.suites, join(LOGS, `${m.id}.log`), LIMIT_MS);
    const { verdict, failed } = verdictOf(m, run);
    result = { mutation: m, verdict, failed, broken: run.broken, seconds: Math.round((Date.now() - started) / 1000) };
  } finally {
    restore();
  }
  for (const [file, original] of originals) {
    if (readFileSync(file, 'utf8') !== original) throw new Error(`${file} was not restored: git checkout -- ${file}`);
  }
  const { verdict, failed, broken, seconds } = result;
  say(`    ${verdict} (${seconds} s)${failed[0] ? `: ${failed[0]}` : ''}${failed.length > 1 ? ` (+${failed.length - 1})` : ''}`);
  for (const b of broken.slice(0, 2)) say(`    suite failed to run: ${b}`);
  return result;
}

async function main(args: string[]): Promise<number> {
  const mutations = selected(args);
  if (args.includes('--list')) {
    for (const m of mutations) say(`${m.id.padEnd(36)} ${m.file}\n${' '.repeat(37)}${m.description}`);
    return 0;
  }
  const problems = listProblems(mutations);
  for (const p of problems) say(`STALE ${p}`);
  if (problems.length > 0) return 2;
  if (args.includes('--check')) return (void say(`${mutations.length} mutations apply to the current code`), 0);
  const files = [...new Set(mutations.flatMap((m) => editsOf(m).map((e) => e.file)))];
  const dirty = dirtyFiles(files);
  if (dirty.length > 0) {
    say('refusing to run: these files have uncommitted changes (commit or stash them; after a crash, git checkout -- <file>):');
    for (const d of dirty) say(`  ${d}`);
    return 2;
  }
  if (args.includes('--write-doc') && mutations.length !== ALL_MUTATIONS.length) throw new Error('--write-doc needs the whole list');

  const suites = [...new Set(mutations.flatMap((m) => m.suites))];
  say(`baseline: ${suites.length} suites, unmutated`);
  const baseline = await runJest(ROOT, suites, join(LOGS, 'baseline.log'), LIMIT_MS);
  if (baseline.exitCode !== 0 || baseline.failed.length > 0 || baseline.broken.length > 0) {
    say('the baseline fails: the results would mean nothing. Failing:');
    for (const f of [...baseline.failed, ...baseline.broken]) say(`  ${f}`);
    if (baseline.timedOut) say('  (stopped: over the time limit)');
    return 1;
  }
  say(`baseline passes (${baseline.passed} tests)`);

  const started = Date.now();
  const results: MutationResult[] = [];
  for (const [i, m] of mutations.entries()) results.push(await runOne(m, i + 1, mutations.length));
  const minutes = Math.round((Date.now() - started) / 60_000);
  const bad = results.filter((r) => r.verdict !== 'caught');
  const summary =
    `${results.length} mutations, ${results.length - bad.length} caught by the test whose name claims them` +
    `${bad.length > 0 ? `, ${bad.length} not (${bad.map((r) => `${r.mutation.id}: ${r.verdict}`).join(', ')})` : ''}; ` +
    `baseline ${baseline.passed} tests passing; ${minutes} min on ${new Date().toISOString().slice(0, 10)}.`;
  const tables = resultTables(MUTATION_GROUPS, results);
  writeFileSync(join(LOGS, 'results.md'), `${summary}\n\n${tables}`);
  writeFileSync(join(LOGS, 'results.json'), JSON.stringify(results, null, 2));
  if (args.includes('--write-doc')) writeTablesInto(DOC, tables, summary);
  say(`\n${tables}\n${summary}\nlogs: var/mutations/<id>.log`);
  return bad.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    restore();
    process.exit(code);
  },
  (error: unknown) => {
    restore();
    say(`mutation run failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
