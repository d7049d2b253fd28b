import type { LedgerReadModel } from './ledger-read-model';

/**
 * Sizes the GraphQL cost model reads (docs/adr/0009): how long each list of the read model can be,
 * and how many events each plan's streams hold. One pass over plans, commitments and activities.
 */
export interface ReadModelStats {
  plans: number;
  maxAxesPerPlan: number;
  maxCommitmentsPerPlan: number;
  maxCommitmentsPerAxis: number;
  maxActivitiesPerCommitment: number;
  maxActionsPerActivity: number;
  maxCommunicationActionsPerCommitment: number;
  maxPeriodsPerPlan: number;
  maxEventsPerCommitment: number;
  /** Events in a plan's stream and its commitments' streams (what time travel folds). */
  eventsOfPlan: ReadonlyMap<string, number>;
}

export function readModelStats(model: LedgerReadModel): ReadModelStats {
  const stats = {
    plans: 0,
    maxAxesPerPlan: 0,
    maxCommitmentsPerPlan: 0,
    maxCommitmentsPerAxis: 0,
    maxActivitiesPerCommitment: 0,
    maxActionsPerActivity: 0,
    maxCommunicationActionsPerCommitment: 0,
    maxPeriodsPerPlan: 0,
    maxEventsPerCommitment: 0,
  };
  const eventsOfPlan = new Map<string, number>();
  for (const plan of model.plans.all()) {
    const { state } = plan;
    const commitments = model.commitments.rowsOfPlan(state.id);
    stats.plans++;
    stats.maxAxesPerPlan = Math.max(stats.maxAxesPerPlan, state.axes.length);
    stats.maxPeriodsPerPlan = Math.max(stats.maxPeriodsPerPlan, state.periods.length);
    stats.maxCommitmentsPerPlan = Math.max(stats.maxCommitmentsPerPlan, commitments.length);
    const perAxis = new Map<string, number>();
    let events = plan.version;
    for (const c of commitments) {
      events += c.version;
      perAxis.set(c.axisId, (perAxis.get(c.axisId) ?? 0) + 1);
      stats.maxEventsPerCommitment = Math.max(stats.maxEventsPerCommitment, c.version);
      stats.maxActivitiesPerCommitment = Math.max(stats.maxActivitiesPerCommitment, c.activities.length);
      stats.maxCommunicationActionsPerCommitment = Math.max(stats.maxCommunicationActionsPerCommitment, c.communication.positions.length);
      for (const a of c.activities) stats.maxActionsPerActivity = Math.max(stats.maxActionsPerActivity, a.actions.positions.length);
    }
    for (const n of perAxis.values()) stats.maxCommitmentsPerAxis = Math.max(stats.maxCommitmentsPerAxis, n);
    eventsOfPlan.set(state.id, events);
  }
  return { ...stats, eventsOfPlan };
}
