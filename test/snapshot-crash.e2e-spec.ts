import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { LedgerReadModel, readModelDigests } from '@ledger/projections';
import { readSnapshotFile, SNAPSHOT_FILE } from '@ledger/core';
import { makeTempDir, removeDir, startTestApp } from './support/test-app';

const register = resolve(__dirname, '../libs/testing/src/child/ts-register.cjs');
const child = resolve(__dirname, 'support/snapshot-until-killed.ts');

/** Runs the child until it reports being in the middle of a snapshot write, then SIGKILLs it; its output lines. */
function killMidWrite(dir: string): Promise<{ lines: string[]; pid: number }> {
  const proc = spawn(process.execPath, ['--require', register, child, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LEDGER_LOG: 'silent' },
  });
  const lines: string[] = [];
  return new Promise((done, fail) => {
    proc.on('error', fail);
    proc.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? done({ lines, pid: proc.pid! }) : fail(new Error(`child exited on its own (${code}): ${lines.join(' | ')}`)),
    );
    let buffer = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.includes('mid-write') && !proc.killed) proc.kill('SIGKILL');
    });
  });
}

describe('a process killed with SIGKILL in the middle of a snapshot write', () => {
  const dir = makeTempDir('ledger-snap-crash-');
  afterAll(() => removeDir(dir));

  it('leaves the previous snapshot whole; the next boot restores it, drops the torn file, and serves what a full replay serves', async () => {
    await (await startTestApp({ dataDir: dir, sample: true, env: { LEDGER_SNAPSHOTS: 'off' } })).stop();
    const { lines, pid } = await killMidWrite(dir);
    const whole = lines.find((l) => l.startsWith('whole '))!.slice('whole '.length);
    // The kill interrupted a write: its temporary file is there, torn; the snapshot itself is the whole earlier one.
    const torn = `${SNAPSHOT_FILE}.tmp-${pid}`;
    expect(readdirSync(dir)).toContain(torn);
    await expect(readSnapshotFile(join(dir, torn))).rejects.toThrow('not a whole snapshot');
    expect((await readSnapshotFile(join(dir, SNAPSHOT_FILE)))!.header.position).toBe(whole);

    const app = await startTestApp({ dataDir: dir });
    try {
      const ready = (await app.app.inject({ method: 'GET', url: '/health/ready' })).json();
      expect(ready).toMatchObject({ status: 'ready', snapshot: { state: 'loaded', position: whole } });
      expect(existsSync(join(dir, torn))).toBe(false);
      const store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
      const replayed = new LedgerReadModel();
      for await (const e of store.readAll()) replayed.apply(e);
      await store.close();
      const live = (await app.gql('{ readModelStatus { position models { name digest entries } } }')).data!.readModelStatus;
      expect(live).toEqual({ position: replayed.position.toString(), models: readModelDigests(replayed) });
    } finally {
      await app.stop();
    }
  }, 60_000);
});
