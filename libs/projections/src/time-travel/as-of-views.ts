import type { AsOf } from '../as-of';
import type { CommitmentsProjection } from '../commitments.projection';
import type { PlansProjection } from '../plans.projection';
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

/** A plan as it was at `asOf`, or undefined (unknown id, or not defined then). Allocates nothing for an unknown id. */
export function planAsOf(sources: TimeTravelSources, id: string, asOf: AsOf): PlanView | undefined {
  const data = sources.history.data;
  const node = data.plans.get(id);
  const current = sources.plans.get(id);
  if (!node || !current) return undefined;
  const point = resolvePoint(data.log, asOf);
  const plan = planAt(data, node, current, point);
  if (!plan) return undefined;
  const commitments = [];
  for (const commitmentId of node.commitmentIds) {
    const record = commitmentAt(data, data.commitments.get(commitmentId)!, sources.commitments.get(commitmentId)!, point);
    if (record) commitments.push(record);
  }
  return planView(plan, commitments);
}

/** A commitment as it was at `asOf`, or undefined (unknown id, or not registered then). */
export function commitmentAsOf(sources: TimeTravelSources, id: string, asOf: AsOf): CommitmentView | undefined {
  const data = sources.history.data;
  const node = data.commitments.get(id);
  const current = sources.commitments.get(id);
  if (!node || !current) return undefined;
  const record = commitmentAt(data, node, current, resolvePoint(data.log, asOf));
  return record && commitmentView(record);
}
