import type { AddressInfo } from 'node:net';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { HistoryResolver } from '../../apps/api/src/graphql/resolvers/history.resolver';
import { PlanResolver } from '../../apps/api/src/graphql/resolvers/plan.resolver';
import { startTestApp, type TestApp } from '../support/test-app';
import { aliases, codes, counting, post, spyOnResolver } from './hostile-support';

const PLAN = 'ma-2018-2020';
const dailyThousand = `rateHistory(planId:"${PLAN}", from:"2018-01-01", to:"2020-09-26", interval: day) { at implementationRate }`;
const BUDGET = 60_000;
const monthly = `rateHistory(planId:"${PLAN}", from:"2018-01-01", to:"2020-12-31", interval: month) { implementationRate }`;

/** "No request can hold the event loop": an argument-aware cost model, refused before execution. */
describe('hostile callers: cost of a query', () => {
  let t: TestApp;
  let rateHistoryCalls: jest.SpyInstance;
  let firstRateHistory: Promise<void>;
  beforeAll(async () => {
    // Spied before boot: Nest binds resolver methods when the app is created.
    let started!: () => void;
    firstRateHistory = new Promise<void>((r) => (started = r));
    const original = HistoryResolver.prototype.rateHistory;
    rateHistoryCalls = spyOnResolver(HistoryResolver.prototype, 'rateHistory').mockImplementation(function (
      this: HistoryResolver,
      ...args
    ) {
      started();
      return original.apply(this, args as Parameters<typeof original>);
    });
    // A series is one sweep now (events + points, ADR 0007): 30 daily series of the bundled plan cost
    // ~75–105 k units and run in milliseconds, well within the default budget (1 M). This suite lowers
    // the budget so that the same query is over it, to prove refusal happens before execution.
    t = await startTestApp({ sample: true, env: { LEDGER_QUERY_MAX_COST: String(BUDGET) } });
  }, 60_000);
  afterAll(async () => {
    rateHistoryCalls.mockRestore();
    await t.stop();
  });
  beforeEach(() => rateHistoryCalls.mockClear());

  it('refuses 30 aliases of a 1,000-point daily rateHistory over the budget with QUERY_TOO_COSTLY, before running any of them', async () => {
    const res = await t.gql(`{ ${aliases(30, dailyThousand)} }`, undefined, 'anonymous');
    expect(res.data ?? null).toBeNull();
    expect(codes(res)).toEqual(['QUERY_TOO_COSTLY']);
    expect(res.errors![0].extensions).toMatchObject({ rule: 'maxCost' });
    expect(res.errors![0].extensions.cost as number).toBeGreaterThan(res.errors![0].extensions.budget as number);
    expect(res.errors![0].extensions.budget).toBe(BUDGET);
    // One such series costs about 3,500 units (README "Running it in public"): 3,481 today.
    const perSeries = (res.errors![0].extensions.cost as number) / 30;
    expect(perSeries).toBeGreaterThan(3_000);
    expect(perSeries).toBeLessThan(4_000);
    expect(rateHistoryCalls).not.toHaveBeenCalled();
  });

  it('prices the same query sent through fragments and variables alike', async () => {
    const viaFragments = `query { ...series } fragment series on Query { ${aliases(30, dailyThousand)} }`;
    expect(codes(await t.gql(viaFragments, undefined, 'anonymous'))).toEqual(['QUERY_TOO_COSTLY']);
    const viaVariables = `query($from: DateTime, $to: DateTime, $i: HistoryInterval) { ${aliases(
      30,
      `rateHistory(planId:"${PLAN}", from: $from, to: $to, interval: $i) { at }`,
    )} }`;
    const res = await t.gql(viaVariables, { from: '2018-01-01', to: '2020-09-26', i: 'day' }, 'anonymous');
    expect(codes(res)).toEqual(['QUERY_TOO_COSTLY']);
    expect(rateHistoryCalls).not.toHaveBeenCalled();
  });

  it('reads the arguments: one daily series is served, where the cost of many is refused', async () => {
    const one = await t.gql(`{ ${dailyThousand} }`, undefined, 'anonymous');
    expect(one.errors).toBeUndefined();
    expect(one.data!.rateHistory).toHaveLength(1000);
    const few = await t.gql(`{ ${aliases(5, monthly)} }`, undefined, 'anonymous');
    expect(few.errors).toBeUndefined();
  });

  it('keeps /health/live answering while the heaviest allowed query runs, and reports the event-loop delay', async () => {
    await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    let heavyDone = false;
    const heavy = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${aliases(30, monthly)} }` }),
    })
      .then((r) => r.json())
      .finally(() => (heavyDone = true));
    await firstRateHistory; // the heavy query is executing now
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(heavyDone).toBe(false);
    const body = (await heavy) as { errors?: unknown; data: Record<string, unknown> };
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data)).toHaveLength(30);
    const ready = (await (await fetch(`${base}/health/ready`)).json()) as { eventLoopDelayMs: Record<string, number> };
    expect(ready.eventLoopDelayMs).toEqual({ p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) });
    expect(ready.eventLoopDelayMs.max).toBeGreaterThanOrEqual(ready.eventLoopDelayMs.p50);
  }, 60_000);

  describe('the audit trail reads only what the page needs', () => {
    let store: EventStore;
    let readAll: EventStore['readAll'];
    const seen = { count: 0 };
    beforeAll(() => {
      store = t.app.get<EventStore>(EVENT_STORE);
      readAll = store.readAll.bind(store);
      store.readAll = (options) => counting(readAll(options), seen);
    });
    afterAll(() => (store.readAll = readAll));
    beforeEach(() => (seen.count = 0));

    it('counts totalCount only when it is selected', async () => {
      const page = await t.gql(
        '{ auditTrail(first: 2, filter: { types: ["ActivityPlanned"] }) { edges { cursor } } }',
        undefined,
        'auditor',
      );
      expect(page.errors).toBeUndefined();
      expect(seen.count).toBeLessThan(200);
      seen.count = 0;
      const counted = await t.gql('{ auditTrail(first: 2, filter: { types: ["ActivityPlanned"] }) { totalCount } }', undefined, 'auditor');
      expect(counted.data!.auditTrail.totalCount).toBe(79);
      expect(seen.count).toBe(480);
    });

    it('starts a page after its cursor instead of rescanning the log from the start', async () => {
      const res = await t.gql('{ auditTrail(first: 1, after: "470") { edges { cursor } } }', undefined, 'anonymous');
      expect(res.data!.auditTrail.edges).toEqual([{ cursor: '471' }]);
      expect(seen.count).toBeLessThan(10);
    });
  });
});

describe('hostile callers: the per-request time budget', () => {
  let t: TestApp;
  let plans: jest.SpyInstance;
  beforeAll(async () => {
    const original = PlanResolver.prototype.plan;
    // The first call outlives the budget (a busy wait, as a heavy fold would): later fields must be stopped.
    plans = spyOnResolver(PlanResolver.prototype, 'plan').mockImplementationOnce(function (this: PlanResolver, ...args) {
      const until = Date.now() + 300;
      while (Date.now() < until);
      return original.apply(this, args as Parameters<typeof original>);
    });
    t = await startTestApp({ env: { LEDGER_QUERY_TIME_BUDGET_MS: '100' } });
  }, 30_000);
  afterAll(async () => {
    plans.mockRestore();
    await t.stop();
  });

  it('stops the fields of a request that has used up its time budget, with QUERY_TOO_COSTLY (timeBudget)', async () => {
    const { body } = await post(t.app, { query: '{ first: plan(id: "p") { id } second: plan(id: "p") { id } }' });
    expect(body.data).toEqual({ first: null, second: null });
    expect(body.errors?.map((e) => [e.path, e.extensions.code, e.extensions.rule])).toEqual([
      [['second'], 'QUERY_TOO_COSTLY', 'timeBudget'],
    ]);
  });
});
