import { parseStreamName, planIdOfCommitment } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/projections';

/** Pub/sub topics of this instance's WebSocket subscribers. */
export const planTopic = (planId: string): string => `PLAN_UPDATED:${planId}`;
export const commitmentTopic = (commitmentId: string): string => `COMMITMENT_UPDATED:${commitmentId}`;

/** What a batch of events changed, as the plans and commitments to announce (each once). */
export function touchedBy(batch: readonly ProjectedEvent[]): { plans: Set<string>; commitments: Set<string> } {
  const plans = new Set<string>();
  const commitments = new Set<string>();
  for (const event of batch) {
    const { category, id } = parseStreamName(event.stream);
    if (category === 'plan') plans.add(id);
    else if (category === 'commitment') {
      commitments.add(id);
      plans.add(planIdOfCommitment(id));
    }
  }
  return { plans, commitments };
}
