import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  checks,
  EVENT_SCHEMA_VERSIONS,
  isAccessEvent,
  isCommitmentEvent,
  isLedgerEventType,
  isPlanEvent,
  parseStreamName,
  ROLES,
} from '@ledger/domain';
import { readIntegrity, type ImportedEvent, type RecordedEvent } from '@ledger/event-store';

/** One line of `ledger export --format jsonl`. */
export interface ExportedLine {
  position: string;
  stream: string;
  revision: string;
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  created: string;
}

/** A line that cannot be imported: where, and why. */
export class LogLineProblem extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** The file's events, in order, as read back from disk each time (constant memory but for the id set). */
export async function* logLines(file: string): AsyncGenerator<{ line: number; event: ExportedLine }> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new LogLineProblem(line, 'is not JSON (a truncated or edited file?)');
    }
    yield { line, event: shapeOf(parsed, line) };
  }
}

function shapeOf(value: unknown, line: number): ExportedLine {
  const e = value as Partial<ExportedLine> | null;
  const text = (k: keyof ExportedLine) => typeof e?.[k] === 'string' && (e[k] as string).length > 0;
  const missing = (['position', 'stream', 'revision', 'id', 'type', 'created'] as const).filter((k) => !text(k));
  if (missing.length > 0 || typeof e?.metadata !== 'object' || e.metadata === null)
    throw new LogLineProblem(
      line,
      `is not an exported event (missing or empty: ${[...missing, ...(e?.metadata ? [] : ['metadata'])].join(', ')})`,
    );
  if (!/^\d{1,20}$/.test(e.position!) || !/^\d{1,19}$/.test(e.revision!))
    throw new LogLineProblem(line, 'position and revision must be decimal numbers');
  return e as ExportedLine;
}

/**
 * What import-log refuses in a line, beyond the hash chain: an event type this code cannot read
 * (it would stop the projections on every boot), in the wrong kind of stream, without its
 * integrity metadata, or with metadata no command could have written (role, actor, dates).
 */
export function lineProblems(e: ExportedLine): string[] {
  const problems: string[] = [];
  if (!isLedgerEventType(e.type))
    return [`unknown event type "${e.type}" (this ledger reads ${Object.keys(EVENT_SCHEMA_VERSIONS).length} types)`];
  const version = e.metadata.schemaVersion;
  if (version !== EVENT_SCHEMA_VERSIONS[e.type])
    problems.push(`${e.type} has schema version ${String(version)}, this code reads ${EVENT_SCHEMA_VERSIONS[e.type]}`);
  const category = parseStreamName(e.stream).category;
  const event = { type: e.type };
  const fits =
    category === 'plan'
      ? isPlanEvent(event)
      : category === 'commitment'
        ? isCommitmentEvent(event)
        : category === 'access' && isAccessEvent(event);
  if (!fits) problems.push(`a ${e.type} event does not belong in stream "${e.stream}"`);
  if (!readIntegrity(e.metadata)) problems.push('carries no integrity metadata (hash chain): an export without hashes cannot be checked');
  const m = e.metadata;
  if (typeof m.actor !== 'string' || m.actor.trim() === '') problems.push('metadata.actor must name who wrote the event');
  if (!(ROLES as readonly unknown[]).includes(m.role))
    problems.push(`metadata.role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(m.role)}`);
  const dates = checks()
    .effectiveDate('metadata.effectiveAt', m.effectiveAt, undefined, true)
    .effectiveDate('metadata.recordedAt', m.recordedAt, undefined, true);
  problems.push(...dates.found.map((p) => p.message));
  if (Number.isNaN(Date.parse(e.created))) problems.push(`created must be a date, got ${JSON.stringify(e.created)}`);
  return problems;
}

export const toRecorded = (e: ExportedLine): RecordedEvent => ({
  id: e.id,
  stream: e.stream,
  revision: BigInt(e.revision),
  position: BigInt(e.position),
  type: e.type,
  data: e.data,
  metadata: e.metadata,
  created: new Date(e.created),
});

/** The event to write: the store re-seals it (its own `integrity` is dropped and recomputed). */
export function toImported(e: ExportedLine): ImportedEvent {
  const { integrity: _recomputed, ...metadata } = e.metadata;
  return { id: e.id, stream: e.stream, revision: BigInt(e.revision), type: e.type, data: e.data, metadata, created: new Date(e.created) };
}
