import type { ActivityLifecycle, ActivityStatus, OutcomeField } from '@ledger/domain';
import { FloatList, SeqList } from '../number-lists';
import { createLogColumns, type LogColumns } from './log-columns';
import type { SortedSeqs } from './sorted-facts';
import { createStreamRows, type StreamRows } from './stream-rows';

/**
 * What the time-travel index holds: per plan, commitment and activity, the rows (seqs) of the
 * facts that change an attribute over time, sorted by (effectiveAt, seq), with their values.
 * Titles, texts and other content fixed at creation are not copied: views take them from the
 * current read model, whose lists (activities, actions, communication actions, axes, periods)
 * only grow and line up index for index with the lists here. Plain data, no closures.
 */
export interface ProgressFacts {
  seqs: SortedSeqs;
  progress: FloatList;
  status: ActivityStatus[];
  /** A correction's note is the note of the figure it corrects; absent until a first note. */
  note?: Array<string | undefined>;
}
export interface WeightFacts {
  seqs: SortedSeqs;
  weight: number[];
}
export interface LifecycleFacts {
  seqs: SortedSeqs;
  state: ActivityLifecycle[];
  reason: Array<string | undefined>;
}
export interface TextFacts {
  seqs: SortedSeqs;
  value: string[];
}
export interface ActivityNode {
  id: string;
  /** Row of its planning: the activity exists from that fact's date. */
  seq: number;
  progress: ProgressFacts;
  /** The planning is the first weight fact and the first lifecycle fact (ACTIVE). */
  weight: WeightFacts;
  lifecycle: LifecycleFacts;
  /** Rows of every event about it (its planning first), for "last updated" as of a point. */
  events: StreamRows;
  /** Per action, in log order, its row; the rows of retractions by action id (few). */
  actionSeqs: SeqList;
  retractions?: Map<string, number>;
}
export interface CommitmentNode {
  id: string;
  planId: string;
  axisId: string;
  number: number;
  seq: number;
  stream: StreamRows;
  activities: ActivityNode[];
  communicationSeqs: SeqList;
  outcome: Record<OutcomeField, TextFacts>;
}
export interface PlanNode {
  id: string;
  /** Row of PlanDefined, -1 until seen. */
  seq: number;
  period: string;
  stream: StreamRows;
  axisSeqs: SeqList;
  periodSeqs: SeqList;
  /** Its commitments' ids, by number. */
  commitmentIds: string[];
  /** The span of the effective dates of its facts (epoch ms): a chart's default window. */
  firstEffective: number;
  lastEffective: number;
}
export interface TimeTravelData {
  log: LogColumns;
  plans: Map<string, PlanNode>;
  commitments: Map<string, CommitmentNode>;
}

export const createTimeTravelData = (): TimeTravelData => ({ log: createLogColumns(), plans: new Map(), commitments: new Map() });

export const createPlanNode = (id: string): PlanNode => ({
  id,
  seq: -1,
  period: '',
  stream: createStreamRows(),
  axisSeqs: new SeqList(),
  periodSeqs: new SeqList(),
  commitmentIds: [],
  firstEffective: Number.POSITIVE_INFINITY,
  lastEffective: Number.NEGATIVE_INFINITY,
});

export const createCommitmentNode = (id: string, planId: string, axisId: string, number: number, seq: number): CommitmentNode => ({
  id,
  planId,
  axisId,
  number,
  seq,
  stream: createStreamRows(),
  activities: [],
  communicationSeqs: new SeqList(),
  outcome: {
    results: { seqs: new SeqList(), value: [] },
    contribution: { seqs: new SeqList(), value: [] },
    nextSteps: { seqs: new SeqList(), value: [] },
  },
});

export const createActivityNode = (id: string, seq: number, weight: number): ActivityNode => ({
  id,
  seq,
  events: createStreamRows(),
  progress: { seqs: new SeqList(), progress: new FloatList(), status: [] },
  weight: { seqs: SeqList.of([seq]), weight: [weight] },
  lifecycle: { seqs: SeqList.of([seq]), state: ['ACTIVE'], reason: [undefined] },
  actionSeqs: new SeqList(),
});
