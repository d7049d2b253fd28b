import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const TS_REGISTER = join(ROOT, 'libs/testing/src/child/ts-register.cjs');
// Lets `--cpu-prof` write its profile: Node writes it on a normal exit, not on death by a signal.
const EXIT_ON_SIGTERM = join(__dirname, 'exit-on-sigterm.cjs');

/** A server of the benchmark, in its own process (the load generator runs in this one). */
export interface BenchServer {
  base: string;
  pid?: number;
  stop(): Promise<void>;
}

/** `nest build api`, as `npm run build` does: the bench runs the built app, as `npm run start:prod` would. */
export function buildApi(): void {
  const res = spawnSync(process.execPath, [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', 'api'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`nest build api failed: ${res.stderr || res.stdout}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
function lineOf(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (process.env.BENCH_SERVER_STDERR) process.stderr.write(chunk);
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) resolvePromise(match);
    });
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready: ${err || out}`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  // A bench that fails half-way leaves no server behind.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.removeListener('exit', orphan));
  return async () => {
    if (child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
}

/**
 * The built app (`node dist/.../main.js`, as `npm run start:prod`), on the embedded store in
 * `dataDir` with the bundled plan imported at start; `env` adds documented settings.
 */
export async function startApp(dataDir: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--require', EXIT_ON_SIGTERM, MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LEDGER_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await lineOf(child, /opengov-ledger ready/, 'the app');
  return { base: `http://127.0.0.1:${port}`, pid: child.pid, stop: stopper(child) };
}

/** A peer (peer-server.child.ts): `mercurius` (bare Fastify + Mercurius + JIT) or `route` (plain Fastify). */
export async function startPeer(kind: 'mercurius' | 'route', answerFile: string, nodeArgs: string[] = []): Promise<BenchServer> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--require', EXIT_ON_SIGTERM, '--require', TS_REGISTER, join(__dirname, 'peer-server.child.ts'), kind, answerFile],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const [, port] = await lineOf(child, /^(\d+)$/m, `the ${kind} peer`);
  return { base: `http://127.0.0.1:${port}`, pid: child.pid, stop: stopper(child) };
}
