import { commitmentRate, meanRate, roundHalfUp, type WeightedProgress } from './rates';

const active = (weight: number, progress: number): WeightedProgress => ({ weight, progress, cancelled: false });

describe('commitmentRate', () => {
  it('weights progress by activity weight: Σwp/Σw', () => {
    expect(commitmentRate([active(3, 100), active(1, 20)])).toBe(80);
  });
  it('accepts fractional weights', () => {
    expect(commitmentRate([active(0.4, 100), active(1.6, 50)])).toBeCloseTo(60, 12);
  });
  it('leaves cancelled activities out of numerator and denominator', () => {
    expect(commitmentRate([active(1, 100), { weight: 5, progress: 0, cancelled: true }])).toBe(100);
  });
  it('is null (nothing counts yet), not 0, for a commitment without activities', () => {
    expect(commitmentRate([])).toBeNull();
  });
  it('is null when every activity is cancelled', () => {
    expect(commitmentRate([{ weight: 1, progress: 80, cancelled: true }])).toBeNull();
  });
  it('is null, not NaN, when the weights add up to zero', () => {
    expect(commitmentRate([active(0, 80), active(0, 40)])).toBeNull();
  });
});

describe('meanRate', () => {
  it('averages commitment rates (axis and plan rates)', () => {
    expect(meanRate([100, 50, 0])).toBe(50);
  });
  it('gives each commitment the same say, whatever its number of activities', () => {
    const big = commitmentRate([active(1, 100), active(1, 100), active(1, 100), active(1, 0)]);
    const small = commitmentRate([active(1, 0)]);
    expect(meanRate([big, small])).toBe(37.5);
  });
  it('is null for no commitment', () => {
    expect(meanRate([])).toBeNull();
  });
  it('leaves commitments without a rate out of the mean', () => {
    expect(meanRate([80, null, 40])).toBe(60);
    expect(meanRate([null, null])).toBeNull();
  });
});

describe('roundHalfUp', () => {
  it.each([
    [24.5, 25],
    [94.5, 95],
    [94.49, 94],
    [24.4, 24],
    [0, 0],
    [100, 100],
    [84.017, 84],
  ])('rounds %p to %p', (rate, rounded) => {
    expect(roundHalfUp(rate)).toBe(rounded);
  });
  it('absorbs binary noise above a whole number: (0.1 × 3 × 100) / 0.6 is 50', () => {
    expect((0.1 * 3 * 100) / 0.6).not.toBe(50); // the noise is real
    expect(roundHalfUp((0.1 * 3 * 100) / 0.6)).toBe(50);
  });
  it('rounds a half that binary arithmetic puts just below .5 up, as the report does', () => {
    // Weights 0.1 and 1.1, progress 0 and 30: exactly 27.5, computed as 27.499999999999996.
    const rate = commitmentRate([active(0.1, 0), active(1.1, 30)])!;
    expect(rate).toBeLessThan(27.5);
    expect(roundHalfUp(rate)).toBe(28);
  });
  it('rounds to decimals when asked, half up', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01); // 1.005 is stored as 1.00499999999999989…
  });
});
