import type { AsOf } from '../as-of';
import type { CommitmentRecord, CommitmentsProjection } from '../commitments.projection';
import type { PlanRecord, PlansProjection } from '../plans.projection';
import { commitmentView, planView, type CommitmentView, type PlanView } from '../views';
import { commitmentAt, planAt } from './materialize';
import { resolvePoint } from './time-point';
import type { TimeTravelIndex } from './time-travel-index';

/** The read models a view as of a point needs: the index and the current content. */
export interface TimeTravelSources {
  plans: PlansProjection;
  commitments: CommitmentsProjection;
  history: TimeTravelIndex;
}

/** A plan's records (its own, its commitments' by number) as they were at a point. */
export interface PlanRecordsAsOf {
  plan: PlanRecord;
  commitments: CommitmentRecord[];
}

/** The plan's and its commitments' states at `asOf`, or undefined (unknown id, or not defined then). */
export function planRecordsAsOf(sources: TimeTravelSources, id: string, asOf: AsOf): PlanRecordsAsOf | undefined {
  const data = sources.history.data;
  const node = data.plans.get(id);
  const current = sources.plans.get(id);
  if (!node || !current) return undefined;
  const point = resolvePoint(data.log, asOf);
  const plan = planAt(data, node, current, point);
  if (!plan) return undefined;
  const commitments: CommitmentRecord[] = [];
  for (const commitmentId of node.commitmentIds) {
    const row = sources.commitments.row(commitmentId)!;
    const record = commitmentAt(data, data.commitments.get(commitmentId)!, row, sources.commitments.content, point);
    if (record) commitments.push(record);
  }
  return { plan, commitments };
}

/** A plan as it was at `asOf`, or undefined (unknown id, or not defined then). Allocates nothing for an unknown id. */
export function planAsOf(sources: TimeTravelSources, id: string, asOf: AsOf): PlanView | undefined {
  const records = planRecordsAsOf(sources, id, asOf);
  return records && planView(records.plan, records.commitments);
}

/** The business date of the plan's definition (its start), or undefined. */
export function planDefinedAt(sources: TimeTravelSources, id: string): string | undefined {
  const { log, plans } = sources.history.data;
  const seq = plans.get(id)?.seq ?? -1;
  return seq < 0 ? undefined : new Date(log.effective[seq]).toISOString();
}

/** A commitment as it was at `asOf`, or undefined (unknown id, or not registered then). */
export function commitmentAsOf(sources: TimeTravelSources, id: string, asOf: AsOf): CommitmentView | undefined {
  const data = sources.history.data;
  const node = data.commitments.get(id);
  const row = sources.commitments.row(id);
  if (!node || !row) return undefined;
  const record = commitmentAt(data, node, row, sources.commitments.content, resolvePoint(data.log, asOf));
  return record && commitmentView(record);
}
