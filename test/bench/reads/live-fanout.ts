import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChildCommand, ChildReport } from './subscribers-protocol';

const TS_REGISTER = join(resolve(__dirname, '../../..'), 'libs/testing/src/child/ts-register.cjs');

/**
 * Live fan-out (issue 13): `subscribers` WebSocket clients (graphql-transport-ws, raw `ws`) follow
 * one subscription; for each write, the time from sending the mutation until each subscriber has
 * its `next` message. The clients live in `processes` processes of their own (subscribers.child.ts),
 * not in this one: here runs only the writer, so the clients' receiving is neither queued behind
 * the writer nor all in one thread. Each message is timestamped on receipt, before anything else
 * is done with it, on the system's monotonic clock (the same in every process), and checked once
 * every client has it (the write's position, every subscriber the same payload).
 */
export interface FanOutOptions {
  wsUrl: string;
  subscribers: number;
  /** Processes the subscribers are spread over. */
  processes: number;
  subscription: { query: string; variables: Record<string, unknown> };
  /** Sends one write; resolves with the log position it wrote. */
  write(i: number): Promise<string>;
  writes: number;
  /** Writes sent (and each checked to reach every subscriber) before the measured ones. */
  warmUp: number;
  /** Where the position sits in a message (checked for every write). */
  positionPath: string[];
  /** The server's process: its CPU time during the measured writes is reported. */
  serverPid?: number;
}

export interface FanOutResult {
  /** ms from sending the write to each subscriber having it, every (write, subscriber). */
  latencies: number[];
  /** ms until every subscriber of a write had it, one per write. */
  lastOfWrite: number[];
  connectMs: number;
  /** CPU time per measured write (Linux: /proc), of the server and of all subscriber processes together. */
  cpuPerWrite?: { server: number; subscribers: number };
}

/** A process's CPU time (user + system) in ms, from /proc (undefined where there is none). */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}
function cpuOf(pids: Array<number | undefined>): number | undefined {
  let sum = 0;
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms === undefined) return undefined;
    sum += ms;
  }
  return sum;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** One subscriber process: a command out, its report back (a failure, an exit or a minute of silence rejects). */
function share(): { child: ChildProcess; ask(command: ChildCommand): Promise<ChildReport> } {
  const child = fork(join(__dirname, 'subscribers.child.ts'), [], { execArgv: ['--require', TS_REGISTER], stdio: 'inherit' });
  let answer: ((report: ChildReport) => void) | undefined;
  child.on('message', (report: ChildReport) => answer?.(report));
  child.once('exit', (code) => answer?.({ type: 'failed', error: `a subscriber process exited (${code})` }));
  return {
    child,
    ask: (command) =>
      new Promise((resolvePromise, reject) => {
        const timer = setTimeout(() => answer?.({ type: 'failed', error: `no answer to ${command.type} within 60 s` }), 60_000);
        answer = (report) => {
          answer = undefined;
          clearTimeout(timer);
          if (report.type === 'failed') reject(new Error(report.error));
          else resolvePromise(report);
        };
        child.send(command);
      }),
  };
}

export async function fanOut(options: FanOutOptions): Promise<FanOutResult> {
  const shares = Array.from({ length: options.processes }, share);
  try {
    const started = now();
    // Each its own subscription id (the graphql-ws client sends a UUID), as browsers would.
    const ids = Array.from({ length: options.subscribers }, (_, i) => `sub-${i}`);
    await Promise.all(
      shares.map((s, p) =>
        s.ask({ type: 'open', url: options.wsUrl, subscription: options.subscription, ids: ids.filter((_, i) => i % shares.length === p) }),
      ),
    );
    const connectMs = now() - started;
    const arrivals = (count: number, position: string) =>
      Promise.all(shares.map((s) => s.ask({ type: 'await', count, position, path: options.positionPath }))).then((reports) =>
        reports.flatMap((r) => (r.type === 'arrived' ? r.at : [])),
      );
    // A first write proves every subscription is live (the server sends no acknowledgement of a
    // subscribe); it and the next warm-up writes reach everyone but are not measured: both sides'
    // code is optimised by then, as the read runs warm up for 3 s.
    for (let w = 0; w < Math.max(1, options.warmUp); w++) await arrivals(w + 1, await options.write(-1 - w));
    const warm = Math.max(1, options.warmUp);
    const latencies: number[] = [];
    const lastOfWrite: number[] = [];
    const cpu = () => ({ server: cpuOf([options.serverPid]), subscribers: cpuOf(shares.map((s) => s.child.pid)) });
    const cpuBefore = cpu();
    for (let i = 0; i < options.writes; i++) {
      const sent = now();
      const at = await arrivals(warm + i + 1, await options.write(i));
      const each = at.map((t) => t - sent);
      latencies.push(...each);
      lastOfWrite.push(Math.max(...each));
    }
    const cpuAfter = cpu();
    const perWrite = (before?: number, after?: number) =>
      before === undefined || after === undefined ? undefined : (after - before) / options.writes;
    const server = perWrite(cpuBefore.server, cpuAfter.server);
    const subscribers = perWrite(cpuBefore.subscribers, cpuAfter.subscribers);
    const cpuPerWrite = server === undefined || subscribers === undefined ? undefined : { server, subscribers };
    return { latencies, lastOfWrite, connectMs, cpuPerWrite };
  } finally {
    for (const s of shares) if (s.child.connected) s.child.send({ type: 'close' } satisfies ChildCommand);
    await Promise.all(shares.map((s) => (s.child.exitCode === null ? once(s.child, 'exit') : undefined)));
  }
}
