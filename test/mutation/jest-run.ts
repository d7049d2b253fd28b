import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What one jest run over some suites said. */
export interface JestOutcome {
  /** jest's exit code (null when it was killed). */
  exitCode: number | null;
  /** Tests that failed, as "file › describe › it". */
  failed: string[];
  /** Suites that failed without a failing test (did not compile, crashed in a hook…), with jest's first line. */
  broken: string[];
  passed: number;
  /** The run took longer than the limit and was stopped. */
  timedOut: boolean;
}

interface JestJson {
  testResults: Array<{
    name: string;
    status: string;
    message: string;
    assertionResults: Array<{ fullName: string; status: string }>;
  }>;
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The jest process running now, so that a signal can stop it (and its workers) before the file is restored. */
let running: ChildProcess | undefined;

export function stopRunningJest(): void {
  // jest runs in its own process group (detached): end that group, which this runner started.
  if (running?.pid !== undefined && running.exitCode === null) {
    try {
      process.kill(-running.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/**
 * `npx jest --runTestsByPath <suites>` from the repository root, its output in `logFile`; the
 * failures read from jest's JSON report. `--forceExit`: a planted bug may leave handles open.
 */
export async function runJest(root: string, suites: string[], logFile: string, limitMs: number): Promise<JestOutcome> {
  const report = `${logFile}.json`;
  mkdirSync(join(logFile, '..'), { recursive: true });
  rmSync(report, { force: true });
  const log = openSync(logFile, 'w');
  const args = ['jest', '--ci', '--runTestsByPath', '--forceExit', '--json', `--outputFile=${report}`, ...suites];
  let timedOut = false;
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', args, { cwd: root, stdio: ['ignore', log, log], detached: true });
    running = child;
    const timer = setTimeout(() => {
      timedOut = true;
      stopRunningJest();
    }, limitMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      running = undefined;
      resolve(code);
    });
  });
  closeSync(log);
  let json: JestJson | undefined;
  try {
    json = JSON.parse(readFileSync(report, 'utf8')) as JestJson;
  } catch {
    json = undefined;
  }
  const failed: string[] = [];
  const broken: string[] = [];
  let passed = 0;
  for (const suite of json?.testResults ?? []) {
    const file = relative(root, suite.name);
    const failures = suite.assertionResults.filter((a) => a.status === 'failed');
    passed += suite.assertionResults.filter((a) => a.status === 'passed').length;
    failed.push(...failures.map((a) => `${file} › ${a.fullName}`));
    if (suite.status === 'failed' && failures.length === 0) {
      const why =
        suite.message
          .replace(ANSI, '')
          .split('\n')
          .find((l) => l.trim() !== '') ?? 'failed to run';
      broken.push(`${file}: ${why.trim()}`);
    }
  }
  if (!json && !timedOut) broken.push(`jest wrote no report (exit ${exitCode}); see ${relative(root, logFile)}`);
  return { exitCode, failed, broken, passed, timedOut };
}
