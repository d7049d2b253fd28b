/**
 * What the coordinator flow wrote, and the rates it expects from that, computed here and not by the
 * ledger: commitment = Σ wᵢ·pᵢ / Σ wᵢ over activities not cancelled; axis and plan = mean of their
 * commitments' rates (RATE_FORMULA in libs/ledger/src/rates/rates.ts).
 */

export const PLAN = 'flow-2021';
export const AXIS_A = 'gouvernance';
export const AXIS_B = 'acces-information';
export const C1 = `${PLAN}.1`;
export const C2 = `${PLAN}.2`;
export const C3 = `${PLAN}.3`;

/** What the test wrote: commitment → activity → weight, progress, cancelled. */
export interface Expected {
  axis: string;
  activities: Record<string, { weight: number; progress: number; cancelled: boolean }>;
}
export const written: Record<string, Expected> = {
  [C1]: { axis: AXIS_A, activities: {} },
  [C2]: { axis: AXIS_A, activities: {} },
  [C3]: { axis: AXIS_B, activities: {} },
};

export function expectedCommitmentRate(id: string): number | null {
  let weighted = 0;
  let weights = 0;
  for (const a of Object.values(written[id].activities)) {
    if (a.cancelled) continue;
    weighted += a.weight * a.progress;
    weights += a.weight;
  }
  return weights === 0 ? null : weighted / weights; // nothing counts yet: no rate
}
const mean = (rates: Array<number | null>): number | null => {
  const xs = rates.filter((x): x is number => x !== null);
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
};
export const expectedAxisRate = (axis: string): number | null =>
  mean(
    Object.keys(written)
      .filter((c) => written[c].axis === axis)
      .map(expectedCommitmentRate),
  );
export const expectedPlanRate = (): number | null => mean(Object.keys(written).map(expectedCommitmentRate));
