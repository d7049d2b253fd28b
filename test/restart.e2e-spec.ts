import { mustMutate, PLAN_FIELDS, COMMITMENT_FIELDS } from './support/ledger-fixtures';
import { makeTempDir, removeDir, startTestApp, type TestApp } from './support/test-app';

/** The log is the only source of truth: a new process on the same data dir rebuilds the same read models. */
describe('restarting on the same data dir', () => {
  const dir = makeTempDir('ledger-restart-');
  let first: TestApp | undefined;
  let second: TestApp | undefined;
  const SNAPSHOT = `{ plans { id } plan(id:"rs") { ${PLAN_FIELDS} } c1: commitment(id:"rs.1") { ${COMMITMENT_FIELDS} } c2: commitment(id:"rs.2") { ${COMMITMENT_FIELDS} } }`;
  let before: unknown;
  let headBefore: bigint | undefined;

  beforeAll(async () => {
    first = await startTestApp({ dataDir: dir });
    await mustMutate(first, 'definePlan', { id: 'rs', country: 'Maroc', title: 'Plan', period: '2021-2023' });
    await mustMutate(first, 'addAxis', { planId: 'rs', axisId: 'a', title: 'A' });
    await mustMutate(first, 'addAxis', { planId: 'rs', axisId: 'b', title: 'B' });
    await mustMutate(first, 'registerCommitment', { planId: 'rs', axisId: 'a', number: 1, title: 'C1', leadOrganisation: 'O' });
    await mustMutate(first, 'registerCommitment', { planId: 'rs', axisId: 'b', number: 2, title: 'C2', leadOrganisation: 'O' });
    await mustMutate(first, 'planActivity', { commitmentId: 'rs.1', title: 'A1', weight: 3 });
    await mustMutate(first, 'planActivity', { commitmentId: 'rs.1', title: 'A2', weight: 1 });
    await mustMutate(first, 'planActivity', { commitmentId: 'rs.2', title: 'A1', weight: 1 });
    await mustMutate(first, 'reportActivityProgress', {
      commitmentId: 'rs.1',
      activityId: 'rs.1.1',
      progress: 80,
      effectiveAt: '2020-06-30',
    });
    await mustMutate(first, 'reportActivityProgress', {
      commitmentId: 'rs.1',
      activityId: 'rs.1.2',
      progress: 20,
      effectiveAt: '2020-06-30',
    });
    await mustMutate(first, 'reportActivityProgress', { commitmentId: 'rs.2', activityId: 'rs.2.1', progress: 35 });
    await mustMutate(first, 'recordAction', { commitmentId: 'rs.1', activityId: 'rs.1.1', kind: 'DONE', text: 'Fait' });
    await mustMutate(first, 'cancelActivity', { commitmentId: 'rs.1', activityId: 'rs.1.2', reason: 'Abandon' });
    await mustMutate(first, 'closeReportingPeriod', { planId: 'rs', name: 'S1', endsAt: '2020-06-30' });
    before = (await first.gql(SNAPSHOT)).data;
    headBefore = await first.headPosition();
    await first.stop();
    second = await startTestApp({ dataDir: dir });
  }, 30_000);

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    removeDir(dir);
  });

  it('had written what the test expects before the restart (rates from the weights and figures)', () => {
    const snapshot = before as {
      plan: { implementationRate: number; axes: Array<{ implementationRate: number }> };
      c1: { implementationRate: number };
    };
    expect(snapshot.c1.implementationRate).toBe(80); // 20 % activity cancelled: only 3·80/3 counts
    expect(snapshot.plan.axes.map((a) => a.implementationRate)).toEqual([80, 35]);
    expect(snapshot.plan.implementationRate).toBeCloseTo(57.5, 10);
  });

  it('serves the same plans, commitments, figures and rates after the restart, rebuilt from the log', async () => {
    expect(await second!.headPosition()).toBe(headBefore);
    expect((await second!.gql(SNAPSHOT)).data).toEqual(before);
  });

  it('answers /health/ready and /health/live with 200 once caught up, at the head of the log', async () => {
    const ready = await second!.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', caughtUp: true, position: String(headBefore) });
    expect((await second!.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });

  it('continues versions and positions where the first process stopped', async () => {
    const version = (before as { c1: { version: number } }).c1.version;
    const next = await mustMutate(second!, 'reportActivityProgress', { commitmentId: 'rs.1', activityId: 'rs.1.1', progress: 90 });
    expect(next.version).toBe(version + 1);
    expect(BigInt(next.position)).toBeGreaterThan(headBefore!);
    expect(next.commitment.implementationRate).toBe(90);
  });
});
