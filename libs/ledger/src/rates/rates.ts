/**
 * Implementation rates, as the report computes them. Figures stay unrounded; only presentation
 * rounds (half up, like the report).
 */
export interface WeightedProgress {
  weight: number;
  progress: number;
  cancelled: boolean;
}

/** Σ wᵢ·pᵢ / Σ wᵢ over non-cancelled activities; 0 when there is none. */
export function commitmentRate(activities: readonly WeightedProgress[]): number {
  let weighted = 0;
  let weights = 0;
  for (const a of activities) {
    if (a.cancelled) continue;
    weighted += a.weight * a.progress;
    weights += a.weight;
  }
  return weights === 0 ? 0 : weighted / weights;
}

/** Mean of commitment rates (axis rate and plan rate); 0 when there is none. */
export function meanRate(rates: readonly number[]): number {
  if (rates.length === 0) return 0;
  let sum = 0;
  for (const r of rates) sum += r;
  return sum / rates.length;
}

/** Half-up rounding to whole percent, as printed in the report (24.5 → 25). */
export function roundHalfUp(rate: number, decimals = 0): number {
  const f = 10 ** decimals;
  // The epsilon absorbs binary noise such as 94.49999999999999 meaning 94.5.
  return Math.floor(rate * f + 0.5 + 1e-9) / f;
}

export const RATE_FORMULA =
  'Commitment rate = Σ(weight × progress) / Σ(weight) over its activities that are not cancelled; ' +
  'axis rate = mean of its commitments’ rates; plan rate = mean of all its commitments’ rates. ' +
  'Percent 0–100, unrounded (the report rounds half up to whole percent).';
