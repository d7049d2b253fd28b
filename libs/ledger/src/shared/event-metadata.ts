/** Metadata stored with every event. Who, when (recorded and effective), and why (causation). */
export interface EventMetadata {
  schemaVersion: number;
  actor: string;
  role: string;
  commandId: string;
  /** Hash of the command's type and payload: a retry with the same commandId must match it. */
  commandHash: string;
  correlationId: string;
  causationId: string;
  /** When the ledger learnt the fact (ISO 8601). */
  recordedAt: string;
  /** The business date the fact refers to (ISO 8601); defaults to recordedAt. */
  effectiveAt: string;
}

/** Who issues a command and when; attached by the shell, never read from a clock in `decide`. */
export interface CommandContext {
  actor: string;
  role: string;
  commandId: string;
  correlationId: string;
  causationId: string;
  now: string;
}
