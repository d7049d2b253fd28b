import { frozenClock, mustMutate, mutate } from './support/ledger-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** `commandId` makes a retry safe: the same command again returns the first result and writes nothing. */
describe('retrying a mutation with the same commandId', () => {
  let t: TestApp;
  const report = (commandId: string, progress: number, extra: Record<string, unknown> = {}) =>
    mutate(t, 'reportActivityProgress', { commandId, commitmentId: 'k.1', activityId: 'k.1.1', progress, ...extra });

  beforeAll(async () => {
    t = await startTestApp({ clock: frozenClock });
    await mustMutate(t, 'definePlan', { id: 'k', country: 'X', title: 'T', period: 'P' });
    await mustMutate(t, 'addAxis', { planId: 'k', axisId: 'a', title: 'A' });
    for (const number of [1, 2]) {
      await mustMutate(t, 'registerCommitment', { planId: 'k', axisId: 'a', number, title: `C${number}`, leadOrganisation: 'O' });
      await mustMutate(t, 'planActivity', { commitmentId: `k.${number}`, title: 'A', weight: 1 });
    }
  }, 30_000);
  afterAll(() => t.stop());

  it('returns the same version and position for the same payload, and writes no new event', async () => {
    const first = await report('same-1', 40, { effectiveAt: '2020-06-30' });
    expect(first.errors).toBeUndefined();
    const head = await t.headPosition();
    expect(BigInt(first.data!.reportActivityProgress.position)).toBe(head);
    const again = await report('same-1', 40, { effectiveAt: '2020-06-30' });
    expect(again.errors).toBeUndefined();
    expect(again.data!.reportActivityProgress.version).toBe(first.data!.reportActivityProgress.version);
    expect(again.data!.reportActivityProgress.position).toBe(first.data!.reportActivityProgress.position);
    expect(again.data!.reportActivityProgress.commitment.activities[0].progress).toBe(40);
    expect(await t.headPosition()).toBe(head);
  });

  it('returns the first result, not the current one, after later writes to the same commitment', async () => {
    const first = (await report('same-2', 45)).data!.reportActivityProgress;
    await mustMutate(t, 'reportActivityProgress', { commitmentId: 'k.1', activityId: 'k.1.1', progress: 55 });
    const head = await t.headPosition();
    const again = await report('same-2', 45);
    expect(again.data!.reportActivityProgress).toMatchObject({ version: first.version, position: first.position });
    // The payload shows the commitment as it is now: the retry did not re-apply 45.
    expect(again.data!.reportActivityProgress.commitment.activities[0].progress).toBe(55);
    expect(await t.headPosition()).toBe(head);
  });

  it('answers a retried definePlan with the first result instead of "already defined"', async () => {
    const input = { id: 'k-retry', country: 'X', title: 'T', period: 'P', commandId: 'define-k-retry' };
    const first = await mutate(t, 'definePlan', input);
    expect(first.errors).toBeUndefined();
    const head = await t.headPosition();
    const again = await mutate(t, 'definePlan', input);
    expect(again.errors).toBeUndefined();
    expect(again.data!.definePlan).toMatchObject({ version: 1, position: first.data!.definePlan.position });
    expect(await t.headPosition()).toBe(head);
  });

  it('answers a retry whose expectedVersion has gone stale with the first result (the retry is recognised first)', async () => {
    const version = (await t.gql('{ commitment(id:"k.1") { version } }')).data.commitment.version;
    const first = (await report('same-3', 60, { expectedVersion: version })).data!.reportActivityProgress;
    expect(first.version).toBe(version + 1);
    const head = await t.headPosition();
    const again = await report('same-3', 60, { expectedVersion: version });
    expect(again.errors).toBeUndefined();
    expect(again.data!.reportActivityProgress).toMatchObject({ version: first.version, position: first.position });
    expect(await t.headPosition()).toBe(head);
  });

  it('writes exactly one event when the same command arrives eight times at once', async () => {
    const head = await t.headPosition();
    const results = await Promise.all(Array.from({ length: 8 }, () => report('burst-1', 65)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const outcomes = new Set(results.map((r) => `${r.data!.reportActivityProgress.version}@${r.data!.reportActivityProgress.position}`));
    expect(outcomes.size).toBe(1);
    expect(await t.headPosition()).toBe(head! + 1n);
  });

  it('refuses the same commandId with a different payload (ILLEGAL_STATE naming commandId), writing nothing', async () => {
    await report('clash-1', 50);
    const head = await t.headPosition();
    const clash = await report('clash-1', 51);
    expect(clash.errors![0].extensions).toMatchObject({ code: 'ILLEGAL_STATE', commandId: 'clash-1', field: 'commandId' });
    expect(clash.errors![0].message).toBe(
      'commandId "clash-1" was already used for a different ReportActivityProgress payload; use a new commandId',
    );
    expect(await t.headPosition()).toBe(head);
  });

  it('refuses the same commandId with a different effectiveAt (part of what was decided), writing nothing', async () => {
    await report('clash-2', 52, { effectiveAt: '2020-06-30' });
    const head = await t.headPosition();
    const clash = await report('clash-2', 52, { effectiveAt: '2020-07-31' });
    expect(clash.errors![0].extensions.code).toBe('ILLEGAL_STATE');
    expect(await t.headPosition()).toBe(head);
  });

  it('refuses the same commandId reused for another mutation on the same commitment, writing nothing', async () => {
    await report('clash-3', 53);
    const head = await t.headPosition();
    const clash = await mutate(t, 'recordAction', {
      commandId: 'clash-3',
      commitmentId: 'k.1',
      activityId: 'k.1.1',
      kind: 'DONE',
      text: 'x',
    });
    expect(clash.errors![0].extensions.code).toBe('ILLEGAL_STATE');
    expect(clash.errors![0].message).toContain('commandId "clash-3" was already used for a different RecordAction payload');
    expect(await t.headPosition()).toBe(head);
  });

  it('refuses the same commandId reused for a different payload on another commitment, writing nothing', async () => {
    await report('clash-4', 54);
    const head = await t.headPosition();
    const clash = await mutate(t, 'reportActivityProgress', {
      commandId: 'clash-4',
      commitmentId: 'k.2',
      activityId: 'k.2.1',
      progress: 70,
    });
    expect(clash.errors?.[0].extensions.code).toBe('ILLEGAL_STATE');
    expect(await t.headPosition()).toBe(head);
  });
});
