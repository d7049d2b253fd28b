import { importSampleIfEmpty, ReadModelService } from '@ledger/core';
import { mustMutate, mutate } from '../support/ledger-fixtures';
import { storeTargets } from '../support/store-targets';
import { startTestApp, type TestApp } from '../support/test-app';

/** What the server says is true: ready means the sample is there; a stored write is a success. */
describe.each(storeTargets())('hostile callers: honest answers ($name)', (target) => {
  afterAll(() => target.stop());

  it('answers /health/ready 503 until the bundled plan is imported, then 200', async () => {
    const t = await startTestApp({ env: { ...(await target.start()), LEDGER_SAMPLE: 'on' } });
    try {
      const before = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(before.statusCode).toBe(503);
      expect(before.json()).toMatchObject({ caughtUp: true, sample: 'pending' });
      expect(await importSampleIfEmpty(t.app)).toBe(true);
      const after = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(after.statusCode).toBe(200);
      expect(after.json()).toMatchObject({ status: 'ready', sample: 'imported' });
    } finally {
      await t.stop();
      await target.stop();
    }
  }, 120_000);

  describe('a mutation whose event was stored', () => {
    let t: TestApp;
    let readModels: ReadModelService;
    beforeAll(async () => {
      t = await startTestApp({ env: { ...(await target.start()), LEDGER_RYW_TIMEOUT_MS: '200' } });
      readModels = t.app.get(ReadModelService);
      await mustMutate(t, 'definePlan', { id: 'honest', country: 'X', title: 'T', period: 'P' });
      await mustMutate(t, 'addAxis', { planId: 'honest', axisId: 'a', title: 'A' });
      await mustMutate(t, 'registerCommitment', { planId: 'honest', axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' });
      await mustMutate(t, 'planActivity', { commitmentId: 'honest.1', title: 'A', weight: 1 });
    }, 60_000);
    afterAll(() => t?.stop());

    it('answers success with its version and position, and a warning, when the read models lag behind it', async () => {
      const advance = jest.spyOn(readModels, 'advance').mockImplementation(() => undefined);
      try {
        const head = await t.headPosition();
        const res = await mutate(t, 'reportActivityProgress', { commitmentId: 'honest.1', activityId: 'honest.1.1', progress: 30 });
        expect(res.errors).toBeUndefined();
        const written = await t.headPosition();
        expect(written).not.toBe(head);
        expect(res.data!.reportActivityProgress).toMatchObject({ version: 3, position: written!.toString() });
        expect(res.data!.reportActivityProgress.commitment.activities[0].progress).toBe(30);
        expect((res as { extensions?: { warnings?: unknown[] } }).extensions?.warnings).toEqual([
          expect.objectContaining({ code: 'READ_MODELS_BEHIND', position: written!.toString() }),
        ]);
      } finally {
        advance.mockRestore();
      }
    });

    it('answers success (never an error a client would retry) when a projection has stopped, writing once', async () => {
      readModels.fail(
        'test',
        { position: 0n, stream: 'x', revision: 0n, type: 'Simulated', data: {}, metadata: {} },
        new Error('simulated'),
      );
      const head = await t.headPosition();
      const res = await mutate(t, 'registerCommitment', { planId: 'honest', axisId: 'a', number: 2, title: 'C2', leadOrganisation: 'O' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.registerCommitment).toMatchObject({ version: 1, commitment: { id: 'honest.2', title: 'C2' } });
      expect((res as { extensions?: { warnings?: Array<{ code: string }> } }).extensions?.warnings?.map((w) => w.code)).toEqual([
        'READ_MODELS_STOPPED',
      ]);
      const written = await t.headPosition();
      expect(res.data!.registerCommitment.position).toBe(written!.toString());
      expect(written).not.toBe(head);
    });
  });
});
