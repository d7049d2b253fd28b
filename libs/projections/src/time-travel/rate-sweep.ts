import { commitmentRate, meanRate, type WeightedProgress } from '@ledger/domain';
import type { CommitmentNode, PlanNode, TimeTravelData } from './index-nodes';
import { isKnown, type TimePoint } from './time-point';

/** What a series follows: the plan, one axis, or one commitment. */
export type SeriesTarget = { kind: 'plan' } | { kind: 'axis'; axisId: string; axisIndex: number } | { kind: 'commitment'; id: string };

// One fact of the sweep: which item it sets, and the index of its value.
const Kind = { Plan: 0, Axis: 1, Commitment: 2, Activity: 3, Progress: 4, Weight: 5, Lifecycle: 6 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];
interface SweepFact {
  effective: number;
  seq: number;
  kind: Kind;
  commitment: number;
  activity: number;
  value: number;
}

interface CommitmentTrack {
  node: CommitmentNode;
  exists: boolean;
  dirty: boolean;
  rate: number | null;
  activities: Array<{ exists: boolean; weight: number; progress: number; cancelled: boolean }>;
}

/**
 * The rate of a plan, an axis or a commitment at each instant of `points` (ascending), in one
 * sweep: the facts known at `known` are sorted once by (effectiveAt, seq) and applied as the
 * points advance, so each attribute ends with the fact in force — the rule of `planAsOf`. A
 * commitment's rate is recomputed only when one of its facts moved, in the same order and with
 * the same functions as the views, so every point equals the as-of view bit for bit.
 * Cost: O(E log E) for the E facts, plus O(commitments) per point.
 */
export function sweepRates(
  data: TimeTravelData,
  plan: PlanNode,
  target: SeriesTarget,
  points: readonly number[],
  known: TimePoint,
): Array<number | null> {
  const { log } = data;
  const ids = target.kind === 'commitment' ? [target.id] : plan.commitmentIds;
  const tracks: CommitmentTrack[] = ids.map((id) => {
    const node = data.commitments.get(id)!;
    return {
      node,
      exists: false,
      dirty: false,
      rate: 0,
      activities: node.activities.map(() => ({ exists: false, weight: 0, progress: 0, cancelled: false })),
    };
  });
  const facts: SweepFact[] = [];
  const add = (seq: number, kind: Kind, commitment = -1, activity = -1, value = -1): void => {
    if (seq >= 0 && isKnown(log, seq, known)) facts.push({ effective: log.effective[seq], seq, kind, commitment, activity, value });
  };
  if (target.kind !== 'commitment') add(plan.seq, Kind.Plan);
  if (target.kind === 'axis') add(plan.axisSeqs.at(target.axisIndex) ?? -1, Kind.Axis);
  tracks.forEach(({ node }, c) => {
    add(node.seq, Kind.Commitment, c);
    node.activities.forEach((a, i) => {
      add(a.seq, Kind.Activity, c, i);
      a.progress.seqs.forEach((seq, v) => add(seq, Kind.Progress, c, i, v));
      a.weight.seqs.forEach((seq, v) => add(seq, Kind.Weight, c, i, v));
      a.lifecycle.seqs.forEach((seq, v) => add(seq, Kind.Lifecycle, c, i, v));
    });
  });
  facts.sort((a, b) => a.effective - b.effective || a.seq - b.seq);

  let planExists = false;
  let axisExists = false;
  let next = 0;
  return points.map((at): number | null => {
    for (; next < facts.length && facts[next].effective <= at; next++) {
      const f = facts[next];
      if (f.kind === Kind.Plan) planExists = true;
      else if (f.kind === Kind.Axis) axisExists = true;
      else apply(tracks[f.commitment], f);
    }
    for (const t of tracks) if (t.dirty) refresh(t);
    // Null where the view has no rate: nothing counts yet, or the plan, axis or commitment does not exist then.
    if (target.kind === 'commitment') return tracks[0].exists ? tracks[0].rate : null;
    if (!planExists) return null;
    if (target.kind === 'axis') {
      return axisExists ? meanRate(tracks.filter((t) => t.exists && t.node.axisId === target.axisId).map((t) => t.rate)) : null;
    }
    return meanRate(tracks.filter((t) => t.exists).map((t) => t.rate));
  });
}

function apply(track: CommitmentTrack, f: SweepFact): void {
  track.dirty = true;
  if (f.kind === Kind.Commitment) {
    track.exists = true;
    return;
  }
  const activity = track.activities[f.activity];
  const node = track.node.activities[f.activity];
  if (f.kind === Kind.Activity) activity.exists = true;
  else if (f.kind === Kind.Progress) activity.progress = node.progress.progress.items[f.value];
  else if (f.kind === Kind.Weight) activity.weight = node.weight.weight[f.value];
  else if (f.kind === Kind.Lifecycle) activity.cancelled = node.lifecycle.state[f.value] === 'CANCELLED';
}

/** The commitment's rate over its existing activities, exactly as its view computes it. */
function refresh(track: CommitmentTrack): void {
  const existing: WeightedProgress[] = [];
  for (const a of track.activities) if (a.exists) existing.push({ weight: a.weight, progress: a.progress, cancelled: a.cancelled });
  track.rate = commitmentRate(existing);
  track.dirty = false;
}
