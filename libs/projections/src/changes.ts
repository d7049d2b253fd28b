import { parseStreamName } from '@ledger/domain';
import { readModelAsOf, type AsOf } from './as-of';
import type { ProjectedEvent } from './projected-event';

export interface CommitmentChange {
  commitmentId: string;
  number: number;
  title: string;
  rateBefore: number | null;
  rateAfter: number | null;
  /** Events effective in (since, until], in log order. */
  events: ProjectedEvent[];
}

export interface PlanChanges {
  since: string;
  until: string;
  rateBefore: number | null;
  rateAfter: number | null;
  commitments: CommitmentChange[];
}

const effectiveAt = (e: ProjectedEvent): number => Date.parse(String(e.metadata.effectiveAt));

/**
 * What moved between two dates (e.g. two committee meetings), by effective date, as known at
 * `knownAt` (default now): the plan's rate before and after, and per commitment its rate before and
 * after with the events in between. Commitments where nothing happened are left out.
 */
export function planChanges(
  events: readonly ProjectedEvent[],
  planId: string,
  since: string,
  until: string,
  knownAt?: string,
): PlanChanges {
  const before = readModelAsOf(events, { effectiveAt: since, knownAt } satisfies AsOf);
  const after = readModelAsOf(events, { effectiveAt: until, knownAt });
  const from = Date.parse(since);
  const to = Date.parse(until);
  const between = events.filter(
    (e) => effectiveAt(e) > from && effectiveAt(e) <= to && (!knownAt || Date.parse(String(e.metadata.recordedAt)) <= Date.parse(knownAt)),
  );
  const afterPlan = after.plan(planId);
  const commitments: CommitmentChange[] = (afterPlan?.commitments ?? [])
    .map((c) => ({
      commitmentId: c.id,
      number: c.number,
      title: c.title,
      rateBefore: before.commitment(c.id)?.implementationRate ?? null,
      rateAfter: c.implementationRate,
      events: between.filter((e) => parseStreamName(e.stream).id === c.id),
    }))
    .filter((c) => c.events.length > 0 || c.rateBefore !== c.rateAfter);
  return {
    since,
    until,
    rateBefore: before.plan(planId)?.implementationRate ?? null,
    rateAfter: afterPlan?.implementationRate ?? null,
    commitments,
  };
}
