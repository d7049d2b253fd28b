import type { Loaded } from '../../context';
import type { CommitmentPayload, WsCommitmentData } from '../../queries';

/** What the coordinator's commitment page shows: the commitment (with its leads) and its plan's rates. */
export interface CoordinatorData {
  commitment: WsCommitmentData;
  plan: {
    id: string;
    title: string;
    implementationRate: number | null;
    commitments: Array<{ id: string; implementationRate: number | null }>;
  };
}

/** Replaces the commitment in the page's data with the one a mutation answered (and its rate in the plan). */
export const withCommitment = (state: Loaded<CoordinatorData>) => (p: CommitmentPayload) =>
  state.setWith((old) => ({
    commitment: { ...p.commitment, leads: p.commitment.leads ?? old?.commitment.leads },
    plan: old
      ? {
          ...old.plan,
          commitments: old.plan.commitments.map((c) =>
            c.id === p.commitment.id ? { ...c, implementationRate: p.commitment.implementationRate } : c,
          ),
        }
      : (undefined as never),
  }));
