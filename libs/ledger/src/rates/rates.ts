/**
 * Implementation rates, as the report computes them. Figures stay unrounded; only presentation
 * rounds (half up, like the report).
 */
export interface WeightedProgress {
  weight: number;
  progress: number;
  cancelled: boolean;
}

/**
 * Σ wᵢ·pᵢ / Σ wᵢ over non-cancelled activities; null while nothing counts yet (no activity, all
 * cancelled): a commitment with nothing in it is not "0 % done", it has no rate.
 */
export function commitmentRate(activities: readonly WeightedProgress[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const a of activities) {
    if (a.cancelled) continue;
    weighted += a.weight * a.progress;
    weights += a.weight;
  }
  return weights === 0 ? null : weighted / weights;
}

/** Mean of the commitment rates that exist (axis and plan rates); null when none does. */
export function meanRate(rates: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const r of rates) {
    if (r === null) continue;
    sum += r;
    count++;
  }
  return count === 0 ? null : sum / count;
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
  'Percent 0–100, unrounded (the report rounds half up to whole percent); null while nothing counts yet ' +
  '(no activity, or all cancelled), and such a commitment is left out of the means.';
