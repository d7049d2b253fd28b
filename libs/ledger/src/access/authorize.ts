import { LedgerError } from '../shared/ledger-error';
import { isLeadOf, type AccessState } from './access.decider';

export const ROLES = ['coordinator', 'lead', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking, as established from a verified token (or nobody). */
export interface Principal {
  /** The token's `sub`; undefined for anonymous callers. */
  sub?: string;
  name?: string;
  roles: readonly Role[];
}

/** What leads may do, on the commitments assigned to them: report, never restructure. */
export const LEAD_COMMANDS: ReadonlySet<string> = new Set([
  'ReportActivityProgress',
  'CorrectActivityProgress',
  'RecordAction',
  'RetractAction',
  'LogCommunicationAction',
  'RecordOutcome',
]);

/**
 * The access rule, in one place. Coordinators may do everything; leads may report on the
 * commitments currently assigned to them (assignments are ledger events, not token claims);
 * auditors read everything and write nothing; anonymous callers write nothing.
 * Returns the role the command is issued under (recorded in the event metadata).
 */
export function authorize(commandType: string, principal: Principal, target: { commitmentId?: string; access: AccessState }): Role {
  if (!principal.sub)
    throw new LedgerError('UNAUTHENTICATED', `${commandType} needs an authenticated user: send Authorization: Bearer <token>`);
  if (principal.roles.includes('coordinator')) return 'coordinator';
  if (principal.roles.includes('lead') && LEAD_COMMANDS.has(commandType)) {
    if (target.commitmentId && isLeadOf(target.access, target.commitmentId, principal.sub)) return 'lead';
    throw new LedgerError('FORBIDDEN', `user "${principal.sub}" is not a lead of commitment "${target.commitmentId}"`, {
      commitmentId: target.commitmentId,
    });
  }
  const roles = principal.roles.length > 0 ? principal.roles.join(', ') : 'no role';
  throw new LedgerError('FORBIDDEN', `${commandType} is not allowed for ${roles}`, { roles: principal.roles });
}

/** Auditors and coordinators see who did what (event metadata); the public sees content only. */
export const canSeeAuditMetadata = (principal: Principal): boolean =>
  principal.roles.includes('auditor') || principal.roles.includes('coordinator');

/** A commitment's leads are shown to coordinators, auditors and its own leads; never to the public. */
export const canSeeLeads = (principal: Principal, leads: readonly string[]): boolean =>
  canSeeAuditMetadata(principal) || (principal.sub !== undefined && leads.includes(principal.sub));
