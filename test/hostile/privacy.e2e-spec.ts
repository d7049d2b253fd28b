import { mustMutate } from '../support/ledger-fixtures';
import { storeTargets } from '../support/store-targets';
import { startTestApp, type TestApp } from '../support/test-app';
import { codes, expectNoInternalError } from './hostile-support';

/** Metadata (who, when recorded, command ids) is hidden from anonymous callers: no filter may reveal it either. */
describe.each(storeTargets())('hostile callers: privacy side channels ($name)', (target) => {
  let t: TestApp;
  let defined: string;
  beforeAll(async () => {
    t = await startTestApp({ env: await target.start() });
    defined = (await mustMutate(t, 'definePlan', { id: 'priv', country: 'X', title: 'T', period: '2020-2022', effectiveAt: '2020-01-01' }))
      .position;
    await mustMutate(t, 'addAxis', { planId: 'priv', axisId: 'a', title: 'A' });
    await mustMutate(t, 'registerCommitment', { planId: 'priv', axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' });
    await mustMutate(t, 'planActivity', { commitmentId: 'priv.1', title: 'A', weight: 1, effectiveAt: '2020-03-01' });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await target.stop();
  });

  it.each([
    ['actor', '{ actor: "e2e-coordinator" }'],
    ['recordedFrom', '{ recordedFrom: "2000-01-01T00:00:00Z" }'],
    ['recordedTo', '{ recordedTo: "2999-01-01T00:00:00Z" }'],
  ])('refuses an anonymous audit filter on %s with FORBIDDEN naming it (no count leaks)', async (field, filter) => {
    const res = await t.gql(`{ auditTrail(filter: ${filter}, first: 0) { totalCount } }`, undefined, 'anonymous');
    expect(res.data ?? null).toBeNull();
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].message).toContain(`filter.${field}`);
    expect(res.errors![0].extensions.field).toBe(`filter.${field}`);
  });

  it('refuses the same filter sent in a variable, and to a lead (who does not see metadata either)', async () => {
    const query = 'query($f: AuditFilter) { auditTrail(filter: $f, first: 0) { totalCount } }';
    expect(codes(await t.gql(query, { f: { actor: 'e2e-coordinator' } }, 'anonymous'))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(query, { f: { actor: 'e2e-coordinator' } }, 'lead'))).toEqual(['FORBIDDEN']);
  });

  it('lets auditors filter by actor and recorded time', async () => {
    const res = await t.gql(
      '{ auditTrail(filter: { actor: "e2e-coordinator", recordedFrom: "2000-01-01T00:00:00Z" }, first: 0) { totalCount } }',
      undefined,
      'auditor',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditTrail.totalCount).toBe(4);
  });

  it('treats a null hidden filter as not given (nothing to hide)', async () => {
    const res = await t.gql('{ auditTrail(filter: { actor: null }, first: 0) { totalCount } }', undefined, 'anonymous');
    expectNoInternalError(res);
    expect(codes(res)).not.toContain('FORBIDDEN');
  });

  it.each([
    ['plan', '{ plan(id: "priv", asOf: { knownAt: "2999-01-01T00:00:00Z" }) { id } }'],
    ['commitment', '{ commitment(id: "priv.1", asOf: { knownAt: "2999-01-01T00:00:00Z" }) { id } }'],
  ])('refuses %s(asOf: {knownAt}) to anonymous callers: it would date each write', async (_field, query) => {
    const res = await t.gql(query, undefined, 'anonymous');
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].message).toContain('asOf.knownAt');
    expect((await t.gql(query, undefined, 'auditor')).errors).toBeUndefined();
  });

  it('still serves the public time travel: as effective at a date, and at a log position', async () => {
    const res = await t.gql(
      `{ e: plan(id: "priv", asOf: { effectiveAt: "2020-06-30T00:00:00Z" }) { id } p: plan(id: "priv", asOf: { position: "${defined}" }) { id } }`,
      undefined,
      'anonymous',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ e: { id: 'priv' }, p: { id: 'priv' } });
  });

  it('serves readModelStatus to anonymous callers (replay --verify reads it) from a digest cached per log position', async () => {
    const query = '{ readModelStatus { position models { name digest entries } } }';
    const first = await t.gql(query, undefined, 'anonymous');
    expect(first.errors).toBeUndefined();
    expect(await t.gql(query, undefined, 'anonymous')).toEqual(first);
    expect(first.data!.readModelStatus.models.map((m: { name: string }) => m.name)).toEqual([
      'plans',
      'commitments',
      'access',
      'time-travel',
    ]);
  });
});
