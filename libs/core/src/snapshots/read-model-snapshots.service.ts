import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { ModelCapture } from '@ledger/projections';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { ProjectionRunner } from '../projections/projection-runner.service';
import { ReadModelService } from '../projections/read-model.service';
import { projectionFingerprint } from './projection-fingerprint';
import { SnapshotFileWriter, type SnapshotHeader } from './snapshot-file';
import { restoreSnapshot } from './snapshot-restore';
import type { SnapshotStatus, SnapshotWrite } from './snapshot-status';

export const SNAPSHOT_FILE = 'read-models.snapshot';
/** How long one synchronous slice of a snapshot write may hold the event loop (then it yields). */
const SLICE_MS = 8;

/**
 * Read-model snapshots (docs/adr/0015). At boot, before the projections subscribe, restores the
 * read models from `<data dir>/read-models.snapshot` when it is whole, of this code, and of this
 * log — else reports why not and lets the log be replayed. Then writes one in the background after
 * `snapshotEveryEvents` events or `snapshotQuietMs` of quiet, and at shutdown: a few pieces at a
 * time between event-loop turns, copy on write (ModelCapture), never on the write path.
 */
@Injectable()
export class ReadModelSnapshots implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Snapshots');
  private readonly file: string;
  status: SnapshotStatus;
  private sinceLast = 0;
  private quiet: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private stopping = false;
  private stopListening: (() => void) | undefined;

  constructor(
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModelService,
    private readonly runner: ProjectionRunner,
  ) {
    this.file = join(config.dataDir, SNAPSHOT_FILE);
    this.status = { state: config.snapshots ? 'none' : 'off' };
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.snapshots) return;
    await this.removeLeftovers();
    this.status = await restoreSnapshot(this.file, this.store, this.readModels);
    if (this.status.state === 'loaded')
      this.logger.log(
        `read models restored from ${SNAPSHOT_FILE} at position ${this.status.position} in ${this.status.loadMs} ms; replaying the log after it`,
      );
    else if (this.status.state === 'ignored') this.logger.warn(`${SNAPSHOT_FILE} ignored: ${this.status.reason}; replaying the whole log`);
    this.stopListening = this.readModels.onApplied((batch) => this.noteApplied(batch.length));
    void this.runner.caughtUp.then(() => this.schedule());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.quiet);
    this.stopListening?.();
    await this.writing;
    if (this.config.snapshots && this.sinceLast > 0 && !this.readModels.failure) await this.write();
  }

  /** Writes a snapshot now (unless one is being written: then waits for it). */
  write(): Promise<void> {
    this.writing ??= this.writeOnce().finally(() => (this.writing = undefined));
    return this.writing;
  }

  private noteApplied(events: number): void {
    this.sinceLast += events;
    if (this.readModels.caughtUp) this.schedule();
  }

  private schedule(): void {
    if (this.stopping || this.sinceLast === 0 || this.readModels.failure) return;
    const every = this.config.snapshotEveryEvents;
    if (every > 0 && this.sinceLast >= every) {
      void this.write();
      return;
    }
    clearTimeout(this.quiet);
    if (this.config.snapshotQuietMs > 0) this.quiet = setTimeout(() => void this.write(), this.config.snapshotQuietMs).unref();
  }

  private async writeOnce(): Promise<void> {
    const last = this.readModels.lastEvent();
    if (!last) return;
    const started = performance.now();
    const header: SnapshotHeader = {
      format: 1,
      fingerprint: projectionFingerprint(),
      store: this.store.kind,
      position: last.position.toString(),
      eventId: last.id,
      eventHash: last.hash,
      writtenAt: new Date().toISOString(),
    };
    const capture = new ModelCapture(this.readModels.model, {
      meta: { events: this.readModels.events },
      maps: { commands: this.readModels.commands },
    });
    const applied = this.sinceLast;
    let failed: unknown;
    // Every batch applied from now on first saves what it touches, as it is at the snapshot's position.
    const unhook = this.readModels.onBeforeApply((batch) => {
      try {
        capture.beforeApply(batch);
      } catch (error) {
        failed ??= error;
      }
    });
    let writer: SnapshotFileWriter | undefined;
    let longestSliceMs = 0;
    try {
      await mkdir(this.config.dataDir, { recursive: true });
      writer = await SnapshotFileWriter.create(this.file, header);
      while (!capture.done) {
        const sliceStart = performance.now();
        const pieces = capture.next(sliceStart + SLICE_MS);
        longestSliceMs = Math.max(longestSliceMs, performance.now() - sliceStart);
        if (failed) throw failed;
        await writer.write(pieces);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      unhook();
      if (failed) throw failed;
      await writer.commit();
      this.sinceLast = Math.max(0, this.sinceLast - applied);
      const done: SnapshotWrite = {
        position: header.position,
        at: header.writtenAt,
        bytes: writer.bytes,
        ms: Math.round(performance.now() - started),
        longestSliceMs: Math.round(longestSliceMs * 10) / 10,
      };
      this.status = { ...this.status, lastWrite: done, lastWriteError: undefined };
      this.logger.log(
        `snapshot written at position ${done.position}: ${(done.bytes / 2 ** 20).toFixed(1)} MiB in ${done.ms} ms (longest slice ${done.longestSliceMs} ms)`,
      );
    } catch (error) {
      unhook();
      await writer?.abort();
      const message = error instanceof Error ? error.message : String(error);
      this.status = { ...this.status, lastWriteError: message };
      this.logger.warn(`snapshot not written: ${message}`);
    }
  }

  /** Temporary files of writes that never finished: their process is gone (killed mid-write). */
  private async removeLeftovers(): Promise<void> {
    const prefix = `${SNAPSHOT_FILE}.tmp-`;
    const names = await readdir(this.config.dataDir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = Number(name.slice(prefix.length));
      if (name.startsWith(prefix) && Number.isInteger(pid) && !isRunning(pid))
        await rm(join(this.config.dataDir, name), { force: true }).catch(() => undefined);
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
