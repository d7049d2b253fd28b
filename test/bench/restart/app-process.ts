import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');

/** What /health/ready says about the boot (the parts this bench reads). */
export interface ReadyReport {
  position: string;
  catchUp: { from: string; events: number; ms: number; heapReleasedMs?: number };
  snapshot: {
    state: string;
    reason?: string;
    position?: string;
    loadMs?: number;
    lastWrite?: { position: string; bytes: number; ms: number; longestSliceMs: number };
  };
}

/** A booted app: how long the process took to say it is ready, and its memory. */
export interface BootedApp {
  /** From spawning the process to its "ready" line (Node start, modules, Nest, restore, replay). */
  spawnToReadyMs: number;
  health(): Promise<ReadyReport>;
  /** `readModelStatus` (position and a digest per read model), as `ledger replay --verify` reads it. */
  digests(): Promise<unknown>;
  /** Resident set of the process now (MiB), from /proc. */
  rssMiB(): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Boots the built app (reads/servers.ts `buildApi`) on `dataDir` (no sample import, silent) and resolves once it printed that it is ready. */
export async function bootApp(dataDir: string, env: Record<string, string> = {}): Promise<BootedApp> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LEDGER_DATA_DIR: dataDir,
      LEDGER_SAMPLE: 'off',
      LEDGER_LOG: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.removeListener('exit', orphan));
  await new Promise<void>((ready, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('opengov-ledger ready')) ready();
    });
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before it was ready: ${err || out}`)));
  });
  const spawnToReadyMs = performance.now() - started;
  const base = `http://127.0.0.1:${port}`;
  return {
    spawnToReadyMs,
    health: async () => (await fetch(`${base}/health/ready`)).json() as Promise<ReadyReport>,
    digests: async () => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ readModelStatus { position models { name digest entries } } }' }),
      });
      const body = (await res.json()) as { data?: { readModelStatus: unknown }; errors?: unknown };
      if (!body.data) throw new Error(`readModelStatus failed: ${JSON.stringify(body.errors)}`);
      return body.data.readModelStatus;
    },
    rssMiB: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
