import { parseStreamName, planIdOfCommitment, streamName } from '@ledger/domain';

/**
 * Which events an audit trail shows. Every given criterion must hold (AND); date bounds are
 * inclusive ISO 8601 instants, compared as instants (not as strings).
 */
export interface AuditFilter {
  /** The plan stream, its commitment streams and its access stream (lead assignments). */
  planId?: string;
  /** The commitment's stream, and the lead assignments of that commitment. */
  commitmentId?: string;
  /** Events whose `data.activityId` is this activity. */
  activityId?: string;
  /** Events whose metadata names this actor (the token's `sub`). */
  actor?: string;
  /** Event types, e.g. ["ActivityProgressCorrected"]; empty or absent: all types. */
  types?: readonly string[];
  recordedFrom?: string;
  recordedTo?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
}

/** What the filter reads from a stored event (a RecordedEvent or a ProjectedEvent fits). */
export interface AuditableEvent {
  stream: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** True when the event passes every criterion of the filter. */
export function matchesAudit(event: AuditableEvent, filter: AuditFilter): boolean {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(event.type)) return false;
  if (filter.planId !== undefined && !inPlan(event.stream, filter.planId)) return false;
  if (filter.commitmentId !== undefined && !aboutCommitment(event, filter.commitmentId)) return false;
  if (filter.activityId !== undefined && dataField(event.data, 'activityId') !== filter.activityId) return false;
  if (filter.actor !== undefined && event.metadata.actor !== filter.actor) return false;
  if (!within(timeOf(event.metadata.recordedAt), filter.recordedFrom, filter.recordedTo)) return false;
  const effectiveAt = event.metadata.effectiveAt ?? event.metadata.recordedAt;
  return within(timeOf(effectiveAt), filter.effectiveFrom, filter.effectiveTo);
}

/**
 * The streams that can hold matching events, when the filter narrows them to one plan or one
 * commitment (reading those beats scanning the whole log); undefined: any stream can.
 * `commitmentIdsOfPlan` lists a plan's commitments (from a read model).
 */
export function auditStreams(filter: AuditFilter, commitmentIdsOfPlan: (planId: string) => readonly string[]): string[] | undefined {
  const commitmentId = filter.commitmentId ?? (filter.activityId === undefined ? undefined : commitmentOfActivity(filter.activityId));
  if (commitmentId !== undefined) {
    return [streamName('commitment', commitmentId), streamName('access', planIdOfCommitment(commitmentId))];
  }
  if (filter.planId !== undefined) {
    const planId = filter.planId;
    return [
      streamName('plan', planId),
      streamName('access', planId),
      ...commitmentIdsOfPlan(planId).map((id) => streamName('commitment', id)),
    ];
  }
  return undefined;
}

/** Activity ids are `<commitmentId>.<n>`. */
export const commitmentOfActivity = (activityId: string): string => activityId.slice(0, Math.max(0, activityId.lastIndexOf('.')));

/** Problems with a filter that no event could ever satisfy because it is self-contradictory. */
export function auditFilterProblems(filter: AuditFilter): { field: string; rule: string; message: string }[] {
  const problems: { field: string; rule: string; message: string }[] = [];
  for (const [from, to, name] of [
    [filter.recordedFrom, filter.recordedTo, 'recorded'],
    [filter.effectiveFrom, filter.effectiveTo, 'effective'],
  ] as const) {
    if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) {
      problems.push({
        field: `filter.${name}From`,
        rule: 'beforeTo',
        message: `filter.${name}From (${from}) must not be after filter.${name}To (${to})`,
      });
    }
  }
  return problems;
}

// Commitment ids are `<planId>.<n>` and plan ids are slugs (no dot), so the dot ends the prefix:
// plan "ma" does not match "commitment-ma-2018.1".
function inPlan(stream: string, planId: string): boolean {
  return (
    stream === streamName('plan', planId) ||
    stream === streamName('access', planId) ||
    stream.startsWith(`${streamName('commitment', planId)}.`)
  );
}

function aboutCommitment(event: AuditableEvent, commitmentId: string): boolean {
  if (event.stream === streamName('commitment', commitmentId)) return true;
  // Lead assignments live in the plan's access stream but are about one commitment.
  return parseStreamName(event.stream).category === 'access' && dataField(event.data, 'commitmentId') === commitmentId;
}

function dataField(data: unknown, name: string): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;
}

function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** An event without a readable date is outside any bounded range, inside an unbounded one. */
function within(t: number | undefined, from: string | undefined, to: string | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  if (t === undefined) return false;
  return (from === undefined || t >= Date.parse(from)) && (to === undefined || t <= Date.parse(to));
}
