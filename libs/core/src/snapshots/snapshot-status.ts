/** A snapshot written by this process. */
export interface SnapshotWrite {
  position: string;
  at: string;
  bytes: number;
  /** From start to rename, yielding to the event loop between slices. */
  ms: number;
  /** The longest the write held the event loop at once. */
  longestSliceMs: number;
}

/** What /health/ready and the logs say about snapshots. */
export interface SnapshotStatus {
  /** off: disabled; none: no snapshot to restore; loaded: the read models started from one; ignored: one was there but not used. */
  state: 'off' | 'none' | 'loaded' | 'ignored';
  /** Why it was ignored: torn or corrupt, written by other projection code, or of another log. */
  reason?: string;
  /** Position of the snapshot restored (the log was replayed after it). */
  position?: string;
  /** Time to read, verify and restore it. */
  loadMs?: number;
  lastWrite?: SnapshotWrite;
  lastWriteError?: string;
}
