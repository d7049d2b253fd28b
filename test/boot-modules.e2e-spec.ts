import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { makeTempDir, removeDir } from './support/test-app';

const register = resolve(__dirname, '../libs/testing/src/child/ts-register.cjs');
const child = resolve(__dirname, 'support/boot-and-list-modules.ts');

/** Boots the API in its own process (a fresh module cache) and returns which of `packages` it had loaded once ready. */
function loadedAtReady(dataDir: string, packages: string[]): Promise<string[]> {
  const proc = spawn(process.execPath, ['--require', register, child, dataDir, ...packages], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LEDGER_LOG: 'silent' },
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done, fail) => {
    proc.on('error', fail);
    proc.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return fail(new Error(`the child exited (${code}): ${err || out}`));
      done((JSON.parse(line) as { loaded: string[] }).loaded);
    });
  });
}

// Issue 13: every start paid for modules only some requests use (ADR 0015, BENCHMARKS.md (h)).
describe('what a server on the embedded store loads before it is ready', () => {
  const dir = makeTempDir('ledger-boot-modules-');
  afterAll(() => removeDir(dir));

  it('loads neither exceljs (plan workbooks) nor the EventStoreDB client; Nest and Fastify are there', async () => {
    const loaded = await loadedAtReady(dir, ['exceljs', '@eventstore/db-client', '@nestjs/core', 'fastify']);
    expect(loaded).toEqual(['@nestjs/core', 'fastify']);
  }, 120_000);
});
