import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const child = resolve(__dirname, '../../../testing/src/child');

describe('embedded store durability', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append after the writing process is killed with SIGKILL mid-stream', async () => {
    const file = join(dir, 'ledger.sqlite');
    const proc = spawn(process.execPath, ['--require', join(child, 'ts-register.cjs'), join(child, 'append-until-killed.ts'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: Array<{ id: string; stream: string; revision: bigint }> = [];
    let settings = '';
    let buffer = '';
    await new Promise<void>((done, fail) => {
      proc.on('error', fail);
      proc.on('exit', (code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`child exited early: ${code}`))));
      proc.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const [id, stream, revision] = line.split(' ');
          if (id === 'ready') settings = line;
          else if (stream) acked.push({ id, stream, revision: BigInt(revision) });
        }
        // Kill in the middle of the stream of appends, without warning.
        if (acked.length >= 400 && !proc.killed) proc.kill('SIGKILL');
      });
    });

    const store = new SqliteEventStore({ file });
    try {
      const all: RecordedEvent[] = [];
      for await (const e of store.readAll()) all.push(e);
      const byId = new Map(all.map((e) => [e.id, e]));
      const missing = acked.filter((a) => byId.get(a.id)?.revision !== a.revision || byId.get(a.id)?.stream !== a.stream);
      // The writer's own connection was in WAL mode with synchronous=FULL (2): fsync on every commit.
      expect(settings).toBe('ready synchronous=2 journal_mode=wal');
      expect(acked.length).toBeGreaterThanOrEqual(400);
      expect(missing).toEqual([]);
      // Each stream is still gapless: revisions 0..n.
      const streams = new Map<string, bigint[]>();
      for (const e of all) streams.set(e.stream, [...(streams.get(e.stream) ?? []), e.revision]);
      for (const revisions of streams.values()) expect(revisions).toEqual(revisions.map((_, i) => BigInt(i)));
    } finally {
      await store.close();
    }
  }, 30_000);
});
