import { commitmentRate, meanRate, roundHalfUp } from './rates';

describe('rates', () => {
  it('weights progress by activity weight', () => {
    expect(
      commitmentRate([
        { weight: 3, progress: 100, cancelled: false },
        { weight: 1, progress: 20, cancelled: false },
      ]),
    ).toBe(80);
  });
  it('leaves cancelled activities out of numerator and denominator', () => {
    expect(
      commitmentRate([
        { weight: 1, progress: 100, cancelled: false },
        { weight: 5, progress: 0, cancelled: true },
      ]),
    ).toBe(100);
  });
  it('is 0 for a commitment without countable activities', () => {
    expect(commitmentRate([])).toBe(0);
    expect(commitmentRate([{ weight: 1, progress: 80, cancelled: true }])).toBe(0);
  });
  it('averages commitment rates for axes and plans, 0 when empty', () => {
    expect(meanRate([100, 50, 0])).toBe(50);
    expect(meanRate([])).toBe(0);
  });
  it.each([
    [24.5, 25],
    [94.5, 95],
    [94.49, 94],
    [84.017, 84],
    [(0.1 * 3 * 100) / 0.6, 50],
    [94.49999999999999, 95],
  ])('rounds %p half up to %p', (rate, rounded) => {
    expect(roundHalfUp(rate)).toBe(rounded);
  });
});
