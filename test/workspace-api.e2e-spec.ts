import { mustMutate } from './support/ledger-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * What a workspace needs from the API (issue 11): a signed-in user learns who they are and which
 * commitments they lead (`me`); a commitment's leads are visible to coordinators, auditors and its
 * own leads, never to the public or to other leads; lead assignments answer with the commitment's
 * own version, the one a client sends back as expectedVersion.
 */
const PLAN = 'ws-2024';
const C1 = `${PLAN}.1`;
const C2 = `${PLAN}.2`;

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await mustMutate(t, 'definePlan', { id: PLAN, country: 'Testland', title: 'Workspace plan', period: '2024-2026' });
  await mustMutate(t, 'addAxis', { planId: PLAN, axisId: 'gov', title: 'Gouvernance' });
  for (const n of [1, 2])
    await mustMutate(t, 'registerCommitment', { planId: PLAN, axisId: 'gov', number: n, title: `C${n}`, leadOrganisation: 'Ministry' });
  await mustMutate(t, 'planActivity', { commitmentId: C1, title: 'A1', weight: 1 });
  await mustMutate(t, 'assignLead', { commitmentId: C1, userId: 'amina' });
  await mustMutate(t, 'assignLead', { commitmentId: C1, userId: 'youssef' });
  await mustMutate(t, 'assignLead', { commitmentId: C2, userId: 'youssef' });
});

afterAll(async () => {
  await t.stop();
});

const lead = async (sub: string) => ({ token: await t.tokenFor('lead', sub) });

describe('me', () => {
  it('is null for an anonymous caller', async () => {
    const res = await t.gql('{ me { sub } }', undefined, 'anonymous');
    expect(res.errors).toBeUndefined();
    expect(res.data!.me).toBeNull();
  });

  it('tells a lead who they are and lists exactly the commitments assigned to them', async () => {
    const res = await t.gql('{ me { sub name roles commitments { id title } } }', undefined, await lead('amina'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.me).toEqual({ sub: 'amina', name: 'E2E lead', roles: ['lead'], commitments: [{ id: C1, title: 'C1' }] });
    const other = await t.gql('{ me { commitments { id } } }', undefined, await lead('youssef'));
    expect(other.data!.me.commitments.map((c: { id: string }) => c.id)).toEqual([C1, C2]);
  });

  it('follows revocations: a revoked commitment leaves the list', async () => {
    await mustMutate(t, 'assignLead', { commitmentId: C2, userId: 'karim' });
    const before = await t.gql('{ me { commitments { id } } }', undefined, await lead('karim'));
    expect(before.data!.me.commitments).toEqual([{ id: C2 }]);
    await mustMutate(t, 'revokeLead', { commitmentId: C2, userId: 'karim' });
    const after = await t.gql('{ me { commitments { id } } }', undefined, await lead('karim'));
    expect(after.data!.me.commitments).toEqual([]);
  });
});

describe('Commitment.leads', () => {
  const query = `{ commitment(id: "${C1}") { leads { userId assignedAt } } }`;

  it.each(['coordinator', 'auditor'] as const)('lists the current leads, in assignment order, for a %s', async (role) => {
    const res = await t.gql(query, undefined, role);
    expect(res.errors).toBeUndefined();
    const leads = res.data!.commitment.leads as Array<{ userId: string; assignedAt: string }>;
    expect(leads.map((l) => l.userId)).toEqual(['amina', 'youssef']);
    for (const l of leads) expect(Number.isNaN(Date.parse(l.assignedAt))).toBe(false);
  });

  it('shows a lead the leads of a commitment they lead', async () => {
    const res = await t.gql(query, undefined, await lead('amina'));
    expect(res.data!.commitment.leads.map((l: { userId: string }) => l.userId)).toEqual(['amina', 'youssef']);
  });

  it('is null for the public and for a lead of another commitment', async () => {
    const anonymous = await t.gql(query, undefined, 'anonymous');
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.commitment.leads).toBeNull();
    const stranger = await t.gql(query, undefined, await lead('karim'));
    expect(stranger.data!.commitment.leads).toBeNull();
  });
});

describe('lead assignment payloads', () => {
  it("answer with the commitment's own version, which a following write may send as expectedVersion", async () => {
    const assigned = await mustMutate(t, 'assignLead', { commitmentId: C1, userId: 'salma' });
    const current = await t.gql(`{ commitment(id: "${C1}") { version } }`);
    expect(assigned.version).toBe(current.data!.commitment.version);
    expect(assigned.version).toBe(assigned.commitment.version);
    const write = await t.gql(
      `mutation($v: Int!) { planActivity(input: { commitmentId: "${C1}", title: "A2", weight: 2, expectedVersion: $v }) { version } }`,
      { v: assigned.version },
    );
    expect(write.errors).toBeUndefined();
    expect(write.data!.planActivity.version).toBe(assigned.version + 1);
    const revoked = await mustMutate(t, 'revokeLead', { commitmentId: C1, userId: 'salma' });
    expect(revoked.version).toBe(assigned.version + 1);
  });
});
