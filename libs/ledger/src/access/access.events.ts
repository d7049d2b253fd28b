/** Events of the `access-<planId>` stream: who may write what, when. Type names are stored. */
export interface LeadAssigned {
  type: 'LeadAssigned';
  data: { planId: string; commitmentId: string; userId: string };
}
export interface LeadRevoked {
  type: 'LeadRevoked';
  data: { planId: string; commitmentId: string; userId: string };
}
export type AccessEvent = LeadAssigned | LeadRevoked;
export const ACCESS_EVENT_TYPES: readonly AccessEvent['type'][] = ['LeadAssigned', 'LeadRevoked'];

export interface AssignLead {
  type: 'AssignLead';
  data: { commitmentId: string; userId: string };
}
export interface RevokeLead {
  type: 'RevokeLead';
  data: { commitmentId: string; userId: string };
}
export type AccessCommand = AssignLead | RevokeLead;
