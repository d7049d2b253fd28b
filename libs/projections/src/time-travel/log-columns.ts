/**
 * One row per event the index has seen, in log order; the row number is the event's `seq`
 * (0-based). Dates are epoch milliseconds, positions exact (64-bit). Typed arrays that double
 * when full: 24 bytes per event, no object per event. Plain data (serialisable as is).
 */
export interface LogColumns {
  count: number;
  effective: Float64Array;
  recorded: Float64Array;
  position: BigUint64Array;
  /** Whether recordedAt never decreased along the log (then "known at" is a prefix of the log). */
  recordedMonotone: boolean;
  /** The greatest effectiveAt − recordedAt seen: no fact is effective later than that after it was known. */
  maxLead: number;
}

export function createLogColumns(capacity = 1024): LogColumns {
  return {
    count: 0,
    effective: new Float64Array(capacity),
    recorded: new Float64Array(capacity),
    position: new BigUint64Array(capacity),
    recordedMonotone: true,
    maxLead: Number.NEGATIVE_INFINITY,
  };
}

/** The instant of an ISO date, or undefined when there is none or it does not parse. */
export function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** Appends an event's row; returns its seq. A missing effectiveAt means "when recorded". */
export function appendRow(log: LogColumns, position: bigint, recordedAt: unknown, effectiveAt: unknown): number {
  if (log.count === log.effective.length) grow(log);
  const seq = log.count++;
  // An event without dates (never written by this code) counts as known and effective from the start.
  const recorded = instantOf(recordedAt) ?? Number.NEGATIVE_INFINITY;
  const effective = instantOf(effectiveAt) ?? recorded;
  if (seq > 0 && recorded < log.recorded[seq - 1]) log.recordedMonotone = false;
  log.effective[seq] = effective;
  log.recorded[seq] = recorded;
  log.position[seq] = position;
  if (Number.isFinite(effective - recorded)) log.maxLead = Math.max(log.maxLead, effective - recorded);
  return seq;
}

/** Room for `rows` and the events after them: a quarter more (at least 1,024), like each growth below. */
export const capacityFor = (rows: number): number => rows + Math.max(1024, Math.ceil(rows / 4));

/** Makes room for `rows` more rows at once (a catch-up that knows how many events follow): one copy, not one per growth. */
export function reserveRows(log: LogColumns, rows: number): void {
  if (log.count + rows > log.effective.length) resize(log, capacityFor(log.count + rows));
}

// Grows by a quarter, not twice: at 1 M events doubling leaves up to 24 MB unused, and a restored
// index (sized to its rows plus this room) would copy all its columns at the tail's first event.
function grow(log: LogColumns): void {
  resize(log, capacityFor(log.effective.length));
}

function resize(log: LogColumns, size: number): void {
  const effective = new Float64Array(size);
  const recorded = new Float64Array(size);
  const position = new BigUint64Array(size);
  effective.set(log.effective.subarray(0, log.count));
  recorded.set(log.recorded.subarray(0, log.count));
  position.set(log.position.subarray(0, log.count));
  log.effective = effective;
  log.recorded = recorded;
  log.position = position;
}

/** How many rows have a position ≤ `position` (positions increase along the log). */
export function rowsUpToPosition(log: LogColumns, position: bigint): number {
  let lo = 0;
  let hi = log.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.position[mid] <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many leading rows were recorded at or before `instant` (only meaningful when recordedAt is monotone). */
export function rowsRecordedBy(log: LogColumns, instant: number): number {
  let lo = 0;
  let hi = log.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.recorded[mid] <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function clearLogColumns(log: LogColumns): void {
  Object.assign(log, createLogColumns());
}
