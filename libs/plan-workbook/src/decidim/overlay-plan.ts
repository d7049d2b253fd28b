import type { PlanFile, PlanFileCommitment } from '@ledger/domain';

/**
 * A partial plan (what a Decidim CSV carries: titles, weights, figures) laid over the plan the
 * ledger holds: what the partial file says wins, what it does not carry (actions, communication,
 * outcome, leads, lifecycles) stays as it is — so the revision issues only what Decidim changed.
 */
export function overlayPlan(base: PlanFile, partial: PlanFile): PlanFile {
  const commitments: PlanFileCommitment[] = base.commitments.map((c) => ({ ...c, activities: [...c.activities] }));
  for (const incoming of partial.commitments) {
    const known = commitments.find((c) => c.number === incoming.number);
    if (!known) {
      commitments.push(incoming);
      continue;
    }
    for (const a of incoming.activities) {
      const i = known.activities.findIndex((x) => x.number === a.number);
      if (i < 0) known.activities.push(a);
      else {
        const { status: _status, ...kept } = known.activities[i];
        known.activities[i] =
          a.progress === undefined
            ? { ...known.activities[i], weight: a.weight }
            : { ...kept, weight: a.weight, progress: a.progress, progressEffectiveAt: a.progressEffectiveAt };
      }
    }
  }
  const axes = [...base.axes, ...partial.axes.filter((a) => !base.axes.some((b) => b.id === a.id))];
  return { ...base, axes, commitments };
}
