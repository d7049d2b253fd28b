import { buildSchema, parse } from 'graphql';
import type { ReadModelStats } from '@ledger/projections';
import { withStrictDateTime } from '../date-time.scalar';
import { estimateCost, type CostInputs } from './cost-model';
import { hiddenArgumentPaths } from './hidden-arguments';
import { seriesPoints } from './series-points';

const schema = withStrictDateTime(
  buildSchema(`
    scalar DateTime
    enum HistoryInterval { day week month quarter }
    input AuditFilter { planId: ID actor: String types: [String!] recordedFrom: DateTime }
    input AsOf { knownAt: DateTime effectiveAt: DateTime }
    type RatePoint { at: DateTime! implementationRate: Float! }
    type Activity { id: ID! actionsDone: [String!]! }
    type Commitment { id: ID! activities: [Activity!]! }
    type Plan { id: ID! commitments: [Commitment!]! }
    type AuditEntry { position: String! }
    type AuditEdge { cursor: String! node: AuditEntry! }
    type AuditConnection { edges: [AuditEdge!]! totalCount: Int! }
    type Query {
      plans: [Plan!]!
      plan(id: ID!, asOf: AsOf): Plan
      rateHistory(planId: ID!, from: DateTime, to: DateTime, interval: HistoryInterval = month): [RatePoint!]!
      auditTrail(filter: AuditFilter, first: Int, last: Int, before: String): AuditConnection!
    }
  `),
);

const stats: ReadModelStats = {
  plans: 1,
  maxAxesPerPlan: 5,
  maxCommitmentsPerPlan: 18,
  maxCommitmentsPerAxis: 6,
  maxActivitiesPerCommitment: 10,
  maxActionsPerActivity: 8,
  maxCommunicationActionsPerCommitment: 4,
  maxPeriodsPerPlan: 2,
  maxEventsPerCommitment: 40,
  eventsOfPlan: new Map([['ma', 480]]),
};
const inputs: CostInputs = { stats, logEvents: 5000, now: () => new Date('2021-06-30T00:00:00Z') };
const cost = (query: string, variables: Record<string, unknown> = {}) => estimateCost(schema, parse(query), variables, undefined, inputs);
const daily = 'rateHistory(planId: "ma", from: "2018-01-01", to: "2020-09-26", interval: day) { at }';

describe('the cost model reads arguments', () => {
  it('prices a series as one sweep (the plan’s events) plus its points, and aliases add up', () => {
    const one = cost(`{ ${daily} }`).cost;
    expect(one).toBeGreaterThanOrEqual(480 + 1000);
    expect(one).toBeLessThan(480 + 1000 * 5);
    expect(cost(`{ a: ${daily} b: ${daily} c: ${daily} }`).cost).toBeGreaterThanOrEqual(3 * one);
    const monthly = cost('{ rateHistory(planId: "ma", from: "2018-01-01", to: "2020-12-31") { at } }').cost;
    expect(monthly).toBeLessThan(one / 2);
    expect(monthly).toBeGreaterThanOrEqual(480 + 36);
  });

  it('prices a query the same through fragments and variables', () => {
    const inline = cost(`{ ${daily} }`).cost;
    expect(cost(`{ ...f } fragment f on Query { ${daily} }`).cost).toBe(inline);
    const viaVariables =
      'query($i: HistoryInterval, $f: DateTime) { rateHistory(planId: "ma", from: $f, to: "2020-09-26", interval: $i) { at } }';
    expect(cost(viaVariables, { i: 'day', f: '2018-01-01' }).cost).toBe(inline);
  });

  it('sizes lists from the read model and pages from `first`', () => {
    const dashboard = cost('{ plans { commitments { activities { id } } } }').cost;
    expect(dashboard).toBeGreaterThanOrEqual(18 * 10);
    expect(dashboard).toBeLessThan(1000);
    expect(cost('{ auditTrail(first: 500) { edges { cursor } } }').cost).toBeGreaterThan(
      10 * cost('{ auditTrail(first: 40) { edges { cursor } } }').cost,
    );
  });

  it('prices a backwards page by `last` like a forwards one by `first`', () => {
    const forwards = cost('{ auditTrail(first: 300) { edges { cursor } } }').cost;
    expect(cost('{ auditTrail(last: 300, before: "99") { edges { cursor } } }').cost).toBe(forwards);
    expect(cost('{ auditTrail(last: 300) { edges { cursor } } }').cost).toBeGreaterThan(
      10 * cost('{ auditTrail(last: 20) { edges { cursor } } }').cost,
    );
  });

  it('charges a scan of the whole log for totalCount or a filter, not for a plain page', () => {
    const page = cost('{ auditTrail(first: 10) { edges { cursor } } }').cost;
    expect(cost('{ auditTrail(first: 10) { edges { cursor } totalCount } }').cost).toBeGreaterThan(page + 4000);
    expect(cost('{ auditTrail(first: 10, filter: { types: ["X"] }) { edges { cursor } } }').cost).toBeGreaterThan(page + 4000);
    expect(cost('{ auditTrail(first: 10, filter: { planId: "ma" }) { totalCount } }').cost).toBeLessThan(page + 600);
  });

  it('charges time travel the plan’s events, and collects hidden arguments', () => {
    expect(cost('{ plan(id: "ma", asOf: { effectiveAt: "2020-01-01" }) { id } }').cost).toBeGreaterThan(480);
    expect(cost('{ plan(id: "ma") { id } }').cost).toBeLessThan(10);
    expect(
      cost('{ plan(id: "ma", asOf: { knownAt: "2020-01-01" }) { id } auditTrail(filter: { actor: "x" }) { totalCount } }').hiddenArguments,
    ).toEqual([
      { field: 'plan', path: 'asOf.knownAt' },
      { field: 'auditTrail', path: 'filter.actor' },
    ]);
  });
});

describe('series points and hidden arguments', () => {
  const now = new Date('2021-01-01T00:00:00Z');
  it('counts points from from/to/interval, capped at 1,000, with a five-year window by default', () => {
    expect(seriesPoints({ from: new Date('2020-01-01'), to: new Date('2020-01-31'), interval: 'day' }, now)).toBe(32);
    expect(seriesPoints({ from: new Date('1990-01-01'), interval: 'day' }, now)).toBe(1000);
    expect(seriesPoints({ interval: 'month' }, now)).toBe(61);
  });
  it('finds hidden arguments at any depth, ignoring nulls', () => {
    expect(hiddenArgumentPaths({ filter: { actor: 'x', planId: 'p', recordedFrom: null }, asOf: { knownAt: new Date() } })).toEqual([
      'filter.actor',
      'asOf.knownAt',
    ]);
  });
});
