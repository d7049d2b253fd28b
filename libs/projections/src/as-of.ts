/**
 * A point on both time axes: what the ledger knew at `knownAt` (recordedAt) or at log `position`,
 * about facts effective by `effectiveAt`. Absent bounds are "now" / "everything" (ADR 0007).
 */
export interface AsOf {
  knownAt?: string;
  position?: bigint;
  effectiveAt?: string;
}
