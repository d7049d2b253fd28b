import fc from 'fast-check';

/**
 * One step of a random ledger history, in the terms a coordinator or a lead would use. Item
 * indices (`c`, `a`, `x`) are taken modulo what exists when the step runs; `back` is how many days
 * before "now" the step is dated (undefined: no effectiveAt, the recording time); `hours` is how
 * far the clock moves first (negative now and then: clocks of two instances disagree).
 */
export type ScenarioStep =
  | { kind: 'registerCommitment'; axis: number; back?: number; hours: number }
  | { kind: 'planActivity'; c: number; weight: number; back?: number; hours: number }
  | { kind: 'report'; c: number; a: number; progress: number; note?: string; back?: number; hours: number }
  | { kind: 'correct'; c: number; a: number; progress: number; explicit?: 'same' | 'other'; hours: number }
  | { kind: 'setWeight'; c: number; a: number; weight: number; back?: number; legacy: boolean; hours: number }
  | { kind: 'lifecycle'; c: number; a: number; op: 'suspend' | 'resume' | 'cancel'; back?: number; legacy: boolean; hours: number }
  | { kind: 'recordAction'; c: number; a: number; actionKind: 'DONE' | 'NOT_DONE' | 'ADDITIONAL'; back?: number; hours: number }
  | { kind: 'retract'; c: number; a: number; x: number; hours: number }
  | { kind: 'communicate'; c: number; back?: number; hours: number }
  | { kind: 'outcome'; c: number; results: boolean; nextSteps: boolean; back?: number; hours: number }
  | { kind: 'closePeriod'; hours: number }
  | { kind: 'addAxis'; back?: number; hours: number };

const index = fc.nat({ max: 50 });
// Whole days, so that many facts share a date and ties are decided by log position.
const back = fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined, freq: 3 });
const hours = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 240 }), weight: 9 },
  { arbitrary: fc.integer({ min: -6, max: -1 }), weight: 1 },
);
const progress = fc.oneof(
  fc.constantFrom(0, 10, 60, 90, 100),
  fc.integer({ min: 0, max: 100 }),
  fc.double({ min: 0, max: 100, noNaN: true }),
);
const weight = fc.oneof(fc.constantFrom(1, 2, 3), fc.double({ min: 0.5, max: 10, noNaN: true }));

export const scenarioStep: fc.Arbitrary<ScenarioStep> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('registerCommitment' as const), axis: index, back, hours }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('planActivity' as const), c: index, weight, back, hours }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('report' as const),
      c: index,
      a: index,
      progress,
      note: fc.option(fc.constantFrom('atelier tenu', 'retard'), { nil: undefined }),
      back,
      hours,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      c: index,
      a: index,
      progress,
      explicit: fc.option(fc.constantFrom('same' as const, 'other' as const), { nil: undefined }),
      hours,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('setWeight' as const), c: index, a: index, weight, back, legacy: fc.boolean(), hours }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('lifecycle' as const),
      c: index,
      a: index,
      op: fc.constantFrom('suspend' as const, 'resume' as const, 'cancel' as const),
      back,
      legacy: fc.boolean(),
      hours,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('recordAction' as const),
      c: index,
      a: index,
      actionKind: fc.constantFrom('DONE' as const, 'NOT_DONE' as const, 'ADDITIONAL' as const),
      back,
      hours,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retract' as const), c: index, a: index, x: index, hours }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('communicate' as const), c: index, back, hours }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('outcome' as const), c: index, results: fc.boolean(), nextSteps: fc.boolean(), back, hours }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('closePeriod' as const), hours }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addAxis' as const), back, hours }) },
);

/** A history: always a plan with two axes and one commitment with one activity first, then random steps. */
export const scenarioSteps = (maxLength: number): fc.Arbitrary<ScenarioStep[]> =>
  fc
    .array(scenarioStep, { minLength: Math.min(10, maxLength), maxLength, size: 'max' })
    .map((steps) => [
      { kind: 'registerCommitment', axis: 0, hours: 1 } as ScenarioStep,
      { kind: 'planActivity', c: 0, weight: 1, hours: 1 } as ScenarioStep,
      ...steps,
    ]);
