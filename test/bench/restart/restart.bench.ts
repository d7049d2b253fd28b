import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SNAPSHOT_FILE } from '@ledger/core';
import { bootApp, type BootedApp, type ReadyReport } from './app-process';

/** One boot of the built app, as measured. */
interface Boot {
  spawnToReadyMs: number;
  /** Restore (when a snapshot was loaded) + replay until caught up, inside the process. */
  readyMs: number;
  replayed: number;
  rssMiB: number;
  report: ReadyReport;
  digests: string;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const s = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const n = (x: number) => x.toLocaleString('en-US');

/** How long after the ready line (and the heap's release, on large ledgers) RSS is read. */
const SETTLE_MS = 1000;
const RELEASE_AFTER_EVENTS = 50_000; // release-heap.ts

async function measure(app: BootedApp): Promise<Boot> {
  try {
    let report = await app.health();
    // The app releases the heap once after a large first catch-up: RSS is read after that.
    for (let i = 0; i < 300 && report.catchUp.heapReleasedMs === undefined && Number(report.position) >= RELEASE_AFTER_EVENTS; i++) {
      await new Promise((r) => setTimeout(r, 100));
      report = await app.health();
    }
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const rssMiB = app.rssMiB();
    const readyMs = (report.snapshot.loadMs ?? 0) + report.catchUp.ms;
    const digests = JSON.stringify(await app.digests());
    return { spawnToReadyMs: app.spawnToReadyMs, readyMs, replayed: report.catchUp.events, rssMiB, report, digests };
  } finally {
    await app.stop();
  }
}

/**
 * Before the tail is written: boots the built app on `dataDir` (a full replay), waits for the
 * snapshot it writes once caught up (LEDGER_SNAPSHOT_EVERY_EVENTS=1: at once) and
 * keeps a copy of it in `keep`, so every restart below starts from the same snapshot.
 */
export async function takeSnapshot(dataDir: string, keep: string): Promise<NonNullable<ReadyReport['snapshot']['lastWrite']>> {
  const app = await bootApp(dataDir, { LEDGER_SNAPSHOT_EVERY_EVENTS: '1', LEDGER_SNAPSHOT_QUIET_MS: '0' });
  const deadline = Date.now() + 15 * 60_000;
  try {
    while (Date.now() < deadline) {
      const { snapshot } = await app.health();
      if (snapshot.lastWrite) {
        copyFileSync(join(dataDir, SNAPSHOT_FILE), keep);
        return snapshot.lastWrite;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the app wrote no snapshot within 15 minutes');
  } finally {
    await app.stop();
  }
}

/**
 * (h) Restart: the built app booted in its own process, `rounds` times each, taking turns — a full
 * replay (snapshots off) and a restart from the snapshot kept by `takeSnapshot` (replaying the
 * tail) — plus the app on an empty ledger (what any boot costs). Time to ready inside the process
 * (restore + replay) and from spawn; RSS after boot and per event of the ledger.
 */
export async function restartBench(dataDir: string, keep: string, events: number, rounds: number): Promise<string[]> {
  const empty = join(dataDir, '..', 'empty');
  mkdirSync(empty, { recursive: true });
  const boots = { empty: [] as Boot[], full: [] as Boot[], snapshot: [] as Boot[] };
  for (let round = 0; round < rounds; round++) {
    boots.empty.push(await measure(await bootApp(empty)));
    boots.full.push(await measure(await bootApp(dataDir, { LEDGER_SNAPSHOTS: 'off' })));
    copyFileSync(keep, join(dataDir, SNAPSHOT_FILE)); // the same snapshot every round (a shutdown writes a newer one)
    const restart = await measure(await bootApp(dataDir, { LEDGER_SNAPSHOT_EVERY_EVENTS: '0', LEDGER_SNAPSHOT_QUIET_MS: '0' }));
    if (restart.report.snapshot.state !== 'loaded') throw new Error(`snapshot not loaded: ${JSON.stringify(restart.report.snapshot)}`);
    boots.snapshot.push(restart);
  }
  const base = median(boots.empty.map((b) => b.rssMiB));
  const row = (what: string, list: Boot[]) => {
    const rss = median(list.map((b) => b.rssMiB));
    const perEvent = list === boots.empty ? '–' : `${Math.round(((rss - base) * 2 ** 20) / events)} B`;
    return `| ${what} | ${n(median(list.map((b) => b.replayed)))} | ${s(median(list.map((b) => b.readyMs)))} | ${list.map((b) => s(b.readyMs)).join(' · ')} | ${s(median(list.map((b) => b.spawnToReadyMs)))} | ${Math.round(rss)} MiB | ${perEvent} |`;
  };
  const restored = boots.snapshot[0].report.snapshot;
  const same = boots.snapshot.every((b, i) => b.digests === boots.full[i].digests);
  const loads = boots.snapshot.map((b) => s(b.report.snapshot.loadMs ?? 0)).join(' · ');
  return [
    '| boot of the built app | events replayed | ready (restore + replay, in process), median | each round | spawn → ready line, median | RSS after boot, median | RSS above the empty app per ledger event |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('empty ledger (what every boot costs)', boots.empty),
    row(`full replay of ${n(events)} events, snapshots off`, boots.full),
    row(`restart from a snapshot at position ${restored.position} (tail replayed)`, boots.snapshot),
    '',
    `Snapshot restore alone (read, verify, decode, rebuild the read models), each round: ${loads}.`,
    `Every read model's digest (\`readModelStatus\`, the time-travel index included) after the restart equals the full replay's: ${same ? 'yes' : '**NO**'} (position ${JSON.parse(boots.full[0].digests).position}).`,
  ];
}

export const describeSnapshotWrite = (w: NonNullable<ReadyReport['snapshot']['lastWrite']>): string =>
  `Snapshot written in the background after the catch-up at position ${w.position}: ${mib(w.bytes)} in ${s(w.ms)}, the event loop held at most ${w.longestSliceMs} ms at a time.`;
