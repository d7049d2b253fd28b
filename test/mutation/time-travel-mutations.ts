import type { Mutation } from './mutation';

const ORACLE = 'libs/projections/src/time-travel/time-travel.oracle.spec.ts';
const ORACLE_HTTP = 'test/time-travel-oracle.e2e-spec.ts';
const AUDITOR = 'test/time-travel.e2e-spec.ts';
const TIME_TRAVEL = [ORACLE, ORACLE_HTTP, AUDITOR];

/** Bugs in time travel (ADR 0007) that the oracle suites and the auditor's examples must catch. */
export const TIME_TRAVEL_MUTATIONS: Mutation[] = [
  {
    id: 'tt-effective-order',
    description: 'the index keeps facts in log order: the latest write wins instead of the latest effectiveAt',
    file: 'libs/projections/src/time-travel/sorted-facts.ts',
    search: 'log.effective[a] < log.effective[b] || (log.effective[a] === log.effective[b] && a < b);',
    replace: 'a < b;',
    suites: TIME_TRAVEL,
    claim: 'like the reference model: latest-effective fact wins',
  },
  {
    id: 'tt-effective-order-live',
    description: 'the live fold lets a late report about an earlier date replace the figure in force',
    file: 'libs/ledger/src/commitment/commitment.state.ts',
    search: 'return isBefore(meta.effectiveAt, a.progressEffectiveAt)\n          ? withFigure',
    replace: 'return false\n          ? withFigure',
    suites: [...TIME_TRAVEL, 'test/coordinator-flow.e2e-spec.ts'],
    claim: 'like a fresh ledger fed the first p events',
  },
  {
    id: 'tt-correction-own-date',
    description: 'a correction takes its own date (now or the requested one) instead of the date of the figure it corrects',
    file: 'libs/ledger/src/commitment/effective-date.ts',
    search: "return sameDateAs(activity.progressEffectiveAt, requested, chosen, 'correctionDate', `the figure it corrects`);",
    replace: 'return chosen;',
    suites: TIME_TRAVEL,
    claim: 'the corrected figure, dated at the figure it corrects',
  },
  {
    id: 'tt-knownat-ignored',
    description: 'asOf.knownAt is ignored: "as known at" answers what is known now',
    file: 'libs/projections/src/time-travel/time-point.ts',
    search: 'const knownAt = instantOf(asOf.knownAt);',
    replace: 'const knownAt = instantOf(undefined);',
    suites: TIME_TRAVEL,
    claim: 'as known at the committee meeting of 2020-07-10: the figure before its correction',
  },
  {
    id: 'tt-rate-history-first-point',
    description: 'rateHistory sampling off by one point: the series starts one interval after `from`',
    file: 'libs/projections/src/time-travel/rate-window.ts',
    search: 'for (let i = 0; ; i++) {',
    replace: 'for (let i = 1; ; i++) {',
    suites: TIME_TRAVEL,
    claim: 'gives in rateHistory, at each point, the rate of asOf',
  },
  {
    id: 'tt-rate-history-shifted',
    description: "rateHistory off by one point: each point carries the previous point's rate",
    file: 'libs/projections/src/time-travel/rate-history.ts',
    search: 'implementationRate: rates[i] }',
    replace: 'implementationRate: rates[Math.max(0, i - 1)] }',
    suites: TIME_TRAVEL,
    claim: 'gives in rateHistory, at each point, the rate of asOf',
  },
  {
    id: 'tt-rate-history-boundary',
    description: 'rateHistory leaves out facts effective exactly at a point (< instead of ≤)',
    file: 'libs/projections/src/time-travel/rate-sweep.ts',
    search: 'facts[next].effective <= at; next++',
    replace: 'facts[next].effective < at; next++',
    suites: TIME_TRAVEL,
    claim: 'gives in rateHistory, at each point, the rate of asOf',
  },
  {
    id: 'tt-changes-sides-swapped',
    description: "changes reports the plan's rate after the range as its rate before it",
    file: 'libs/projections/src/time-travel/plan-changes.ts',
    search: 'rateBefore: before?.implementationRate ?? null,',
    replace: 'rateBefore: after?.implementationRate ?? null,',
    suites: TIME_TRAVEL,
    claim: 'gives in changes(since, until, knownAt) the difference of the two asOfs',
  },
  {
    id: 'tt-changes-window-edge',
    description: 'changes lists events effective in [since, until) instead of (since, until]: the wrong side of each bound',
    file: 'libs/projections/src/time-travel/stream-rows.ts',
    search: 'const from = countEffectiveBy(stream, log, since);\n  const to = countEffectiveBy(stream, log, until);',
    replace: 'const from = countEffectiveBy(stream, log, since - 1);\n  const to = countEffectiveBy(stream, log, until - 1);',
    suites: TIME_TRAVEL,
    claim: 'gives in changes(since, until, knownAt) the difference of the two asOfs and the events effective in between',
  },
];
