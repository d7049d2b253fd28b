/** What the coordinator flow reads back from mutation payloads and queries (the fields it checks). */

export type Activity = {
  id: string;
  weight: number;
  progress: number;
  status: string;
  lifecycle: string;
  lifecycleReason: string | null;
  progressEffectiveAt: string | null;
  actionsDone: Array<{ id: string; text: string; date: string | null; reason: string | null; effectiveAt: string | null }>;
  actionsNotDone: Array<{ id: string; text: string; date: string | null; reason: string | null; effectiveAt: string | null }>;
  additionalActions: Array<{ id: string; text: string; date: string | null; reason: string | null; effectiveAt: string | null }>;
};
export type Commitment = {
  id: string;
  version: number;
  implementationRate: number;
  activities: Activity[];
  communicationActions: Array<{ id: string; action: string; date: string | null; target: string | null; indicators: string | null }>;
  results: string | null;
  contribution: string | null;
  nextSteps: string | null;
  axis: { id: string };
};
export type Plan = {
  id: string;
  version: number;
  implementationRate: number;
  periods: Array<{ name: string; endsAt: string }>;
  axes: Array<{ id: string; title: string; order: number; implementationRate: number; commitments: Array<{ id: string }> }>;
  commitments: Array<{ id: string; implementationRate: number }>;
};
export interface Payload {
  version: number;
  position: string;
  commitment?: Commitment;
  plan?: Plan;
}
