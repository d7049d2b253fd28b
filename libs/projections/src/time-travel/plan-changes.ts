import { LedgerError, streamName } from '@ledger/domain';
import type { ProjectedEvent } from '../projected-event';
import type { CommitmentView } from '../views';
import { planAsOf, type TimeTravelSources } from './as-of-views';
import { checkedInstant, checkOrder } from './rate-window';
import { revisionsBetween } from './stream-rows';
import { resolvePoint } from './time-point';

/** An event of the range, located in the log; its type and data are read from the store on demand. */
export interface ChangeRef {
  stream: string;
  revision: number;
  position: bigint;
}

export interface CommitmentChange<E = ChangeRef> {
  commitmentId: string;
  number: number;
  title: string;
  /** Null while nothing counted (or it did not exist yet). */
  rateBefore: number | null;
  rateAfter: number | null;
  /** Events of its stream effective in (since, until] and known at `knownAt`, in log order. */
  events: E[];
}

export interface PlanChanges<E = ChangeRef> {
  since: string;
  until: string;
  knownAt?: string;
  rateBefore: number | null;
  rateAfter: number | null;
  commitments: Array<CommitmentChange<E>>;
}

export interface ChangesQuery {
  planId: string;
  since: Date | string;
  until: Date | string;
  knownAt?: Date | string;
}

/**
 * What moved between two dates (e.g. two committee meetings), as known at `knownAt` (default now):
 * the difference of `planAsOf(since)` and `planAsOf(until)` — plan and commitment rates — plus,
 * per commitment, the events effective in between. Commitments where nothing happened are left out.
 */
export function planChanges(sources: TimeTravelSources, q: ChangesQuery): PlanChanges {
  const since = checkedInstant('since', q.since)!;
  const until = checkedInstant('until', q.until)!;
  const knownAt = checkedInstant('knownAt', q.knownAt);
  checkOrder('since', since, 'until', until);
  const iso = (t: number) => new Date(t).toISOString();
  const known = knownAt === undefined ? undefined : iso(knownAt);
  const data = sources.history.data;
  if (!data.plans.has(q.planId) || !sources.plans.get(q.planId)) throw LedgerError.notFound('plan', q.planId, 'planId');
  const before = planAsOf(sources, q.planId, { effectiveAt: iso(since), knownAt: known });
  const after = planAsOf(sources, q.planId, { effectiveAt: iso(until), knownAt: known });
  const point = resolvePoint(data.log, known === undefined ? {} : { knownAt: known });
  const rateBefore = new Map<string, CommitmentView>((before?.commitments ?? []).map((c) => [c.id, c]));
  const commitments = (after?.commitments ?? [])
    .map((c): CommitmentChange => {
      const node = data.commitments.get(c.id)!;
      const stream = streamName('commitment', c.id);
      const events = revisionsBetween(node.stream, data.log, since, until, point).map((revision) => ({
        stream,
        revision,
        position: data.log.position[node.stream.seqs.items[revision]],
      }));
      const { id: commitmentId, number, title, implementationRate: rateAfter } = c;
      return { commitmentId, number, title, rateBefore: rateBefore.get(c.id)?.implementationRate ?? null, rateAfter, events };
    })
    .filter((c) => c.events.length > 0 || c.rateBefore !== c.rateAfter);
  return {
    since: iso(since),
    until: iso(until),
    knownAt: known,
    rateBefore: before?.implementationRate ?? null,
    rateAfter: after?.implementationRate ?? null,
    commitments,
  };
}

/** How to read a stream's events from the store (the port's `readStream`). */
export type StreamReader = (stream: string, options: { fromRevision: bigint; maxCount: number }) => AsyncIterable<ProjectedEvent>;

/** Fills in each change's event (type, data, dates) from the store: one read per commitment, nothing cached. */
export async function withChangeEvents(changes: PlanChanges, read: StreamReader): Promise<PlanChanges<ProjectedEvent>> {
  const commitments: Array<CommitmentChange<ProjectedEvent>> = [];
  for (const c of changes.commitments) {
    const events: ProjectedEvent[] = [];
    if (c.events.length > 0) {
      const wanted = new Set(c.events.map((e) => e.revision));
      const first = c.events[0].revision;
      const count = c.events[c.events.length - 1].revision - first + 1;
      for await (const e of read(c.events[0].stream, { fromRevision: BigInt(first), maxCount: count })) {
        if (wanted.has(Number(e.revision))) events.push(e);
      }
    }
    commitments.push({ ...c, events });
  }
  return { ...changes, commitments };
}
