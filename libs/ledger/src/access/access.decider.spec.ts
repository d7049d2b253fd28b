import { LedgerError } from '../shared/ledger-error';
import { evolveCommitment, initialCommitmentState } from '../commitment/commitment.state';
import { decideAccess, evolveAccess, initialAccessState, isLeadOf, leadsOf, type AccessState } from './access.decider';
import { authorize, canSeeAuditMetadata, canSeeLeads, type Principal } from './authorize';

const commitment = evolveCommitment(initialCommitmentState, {
  type: 'CommitmentRegistered',
  data: { commitmentId: 'p.1', planId: 'p', axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' },
});
const assigned: AccessState = evolveAccess(initialAccessState, {
  type: 'LeadAssigned',
  data: { planId: 'p', commitmentId: 'p.1', userId: 'lena' },
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as LedgerError).code;
  }
};

describe('lead assignments', () => {
  it('lists the leads of a commitment, and none for a commitment id that names an Object member', () => {
    expect(leadsOf(assigned, 'p.1')).toEqual(['lena']);
    expect(leadsOf(assigned, 'p.2')).toEqual([]);
    for (const odd of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(leadsOf(assigned, odd)).toEqual([]);
  });
  it('assigns a lead to an existing commitment', () => {
    expect(decideAccess({ type: 'AssignLead', data: { commitmentId: 'p.1', userId: 'lena' } }, initialAccessState, commitment)).toEqual([
      { type: 'LeadAssigned', data: { planId: 'p', commitmentId: 'p.1', userId: 'lena' } },
    ]);
  });
  it('refuses to assign the same lead twice and to revoke one who is not a lead', () => {
    expect(codeOf(() => decideAccess({ type: 'AssignLead', data: { commitmentId: 'p.1', userId: 'lena' } }, assigned, commitment))).toBe(
      'ILLEGAL_STATE',
    );
    expect(codeOf(() => decideAccess({ type: 'RevokeLead', data: { commitmentId: 'p.1', userId: 'leo' } }, assigned, commitment))).toBe(
      'ILLEGAL_STATE',
    );
  });
  it('refuses an assignment on a commitment that does not exist', () => {
    expect(
      codeOf(() =>
        decideAccess({ type: 'AssignLead', data: { commitmentId: 'p.9', userId: 'lena' } }, initialAccessState, initialCommitmentState),
      ),
    ).toBe('NOT_FOUND');
  });
});

describe('authorize: one rule for who may do what', () => {
  const who = (sub: string | undefined, ...roles: Principal['roles'][number][]): Principal => ({ sub, roles });
  const target = { commitmentId: 'p.1', access: assigned };
  it('lets coordinators do everything', () => {
    expect(authorize('SetActivityWeight', who('cora', 'coordinator'), target)).toBe('coordinator');
  });
  it('lets a lead report only on commitments assigned to them', () => {
    expect(authorize('ReportActivityProgress', who('lena', 'lead'), target)).toBe('lead');
    expect(codeOf(() => authorize('ReportActivityProgress', who('leo', 'lead'), target))).toBe('FORBIDDEN');
  });
  it('does not let a lead restructure their commitment', () => {
    expect(codeOf(() => authorize('CancelActivity', who('lena', 'lead'), target))).toBe('FORBIDDEN');
  });
  it('never lets auditors write, and asks anonymous callers to authenticate', () => {
    expect(codeOf(() => authorize('RecordOutcome', who('audrey', 'auditor'), target))).toBe('FORBIDDEN');
    expect(codeOf(() => authorize('RecordOutcome', who(undefined), target))).toBe('UNAUTHENTICATED');
  });
  it('shows audit metadata to auditors and coordinators only', () => {
    expect([who('a', 'auditor'), who('c', 'coordinator'), who('l', 'lead'), who(undefined)].map(canSeeAuditMetadata)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it("shows a commitment's leads to coordinators, auditors and those leads only", () => {
    const leads = ['lena', 'omar'];
    expect(
      [who('a', 'auditor'), who('c', 'coordinator'), who('lena', 'lead'), who('leo', 'lead'), who(undefined)].map((p) =>
        canSeeLeads(p, leads),
      ),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('ids that name Object.prototype members', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('treats commitment "%s" as an ordinary id', (id) => {
    expect(isLeadOf(assigned, id, 'lena')).toBe(false);
    const state = evolveAccess(assigned, { type: 'LeadAssigned', data: { planId: 'p', commitmentId: id, userId: 'lena' } });
    expect(isLeadOf(state, id, 'lena')).toBe(true);
    expect(isLeadOf(state, 'p.1', 'lena')).toBe(true);
    expect(isLeadOf(assigned, id, 'lena')).toBe(false);
  });
});
