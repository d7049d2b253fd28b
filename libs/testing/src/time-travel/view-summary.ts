import type { CommitmentView, PlanView } from '@ledger/projections';
import type { ReferenceCommitment, ReferencePlan } from './reference-model';

/** A view, reduced to what the reference model computes, for comparison. */
export function summarizePlan(view: PlanView | undefined): ReferencePlan | undefined {
  if (!view) return undefined;
  return {
    rate: view.implementationRate,
    axes: view.axes.map((a) => ({ id: a.id, rate: a.implementationRate })),
    periods: view.periods.map((p) => p.name),
    commitments: view.commitments.map(summarizeCommitment),
  };
}

export function summarizeCommitment(c: CommitmentView): ReferenceCommitment {
  return {
    id: c.id,
    axisId: c.axisId,
    rate: c.implementationRate,
    version: c.version,
    activities: c.activities.map((a) => ({
      id: a.id,
      progress: a.progress,
      status: a.status,
      note: a.note,
      weight: a.weight,
      lifecycle: a.lifecycle,
      lifecycleReason: a.lifecycleReason,
      actions: [...a.actionsDone, ...a.actionsNotDone, ...a.additionalActions].map((x) => x.id).sort(byNumber),
    })),
    communicationActions: c.communicationActions.map((x) => x.id),
    results: c.results,
    nextSteps: c.nextSteps,
  };
}

/** Action ids `<activity>.x<n>`: by n, i.e. in log order. */
function byNumber(a: string, b: string): number {
  return Number(a.slice(a.lastIndexOf('x') + 1)) - Number(b.slice(b.lastIndexOf('x') + 1));
}

/** The reference with its actions in the same order as a summary (ids by number). */
export function normalizeReference(plan: ReferencePlan | undefined): ReferencePlan | undefined {
  if (!plan) return undefined;
  return {
    ...plan,
    commitments: plan.commitments.map((c) => ({
      ...c,
      activities: c.activities.map((a) => ({ ...a, actions: [...a.actions].sort(byNumber) })),
    })),
  };
}
