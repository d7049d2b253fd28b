import type { CommitmentState } from '../commitment/commitment.state';
import { checks } from '../shared/checks';
import { LedgerError } from '../shared/ledger-error';
import type { AccessCommand, AccessEvent } from './access.events';

/** Lead assignments of one plan: commitment id → user ids (token `sub`). */
export interface AccessState {
  leads: Readonly<Record<string, readonly string[]>>;
}

export const initialAccessState: AccessState = { leads: {} };

export function evolveAccess(state: AccessState, event: AccessEvent): AccessState {
  const { commitmentId, userId } = event.data;
  const current = leadsOf(state, commitmentId);
  switch (event.type) {
    case 'LeadAssigned':
      return { leads: { ...state.leads, [commitmentId]: [...current, userId] } };
    case 'LeadRevoked':
      return { leads: { ...state.leads, [commitmentId]: current.filter((u) => u !== userId) } };
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** The users currently leading a commitment, in assignment order. */
export const leadsOf = (state: AccessState, commitmentId: string): readonly string[] =>
  Object.prototype.hasOwnProperty.call(state.leads, commitmentId) ? state.leads[commitmentId] : [];

export const isLeadOf = (state: AccessState, commitmentId: string, userId: string): boolean =>
  leadsOf(state, commitmentId).includes(userId);

/** decide for the access stream; `commitment` is the commitment the assignment is about. */
export function decideAccess(command: AccessCommand, state: AccessState, commitment: CommitmentState): AccessEvent[] {
  const { commitmentId, userId } = command.data;
  checks().shortText('commitmentId', commitmentId).shortText('userId', userId).throwIfAny();
  if (!commitment.exists) throw LedgerError.notFound('commitment', commitmentId, 'commitmentId');
  const assigned = isLeadOf(state, commitmentId, userId);
  switch (command.type) {
    case 'AssignLead':
      if (assigned)
        throw LedgerError.illegalState(`user "${userId}" is already a lead of commitment "${commitmentId}"`, { field: 'userId' });
      return [{ type: 'LeadAssigned', data: { planId: commitment.planId, commitmentId, userId } }];
    case 'RevokeLead':
      if (!assigned) throw LedgerError.illegalState(`user "${userId}" is not a lead of commitment "${commitmentId}"`, { field: 'userId' });
      return [{ type: 'LeadRevoked', data: { planId: commitment.planId, commitmentId, userId } }];
    default: {
      const never: never = command;
      return never;
    }
  }
}
