import { C, type Rejection } from './rejection-case';

/** Who may report: assignLead and revokeLead. */
export const LEAD_CASES: Rejection[] = [
  // assignLead / revokeLead
  {
    mutation: 'assignLead',
    label: 'a user who is already a lead',
    input: { commitmentId: C, userId: 'lena' },
    code: 'ILLEGAL_STATE',
    message: [`user "lena" is already a lead of commitment "${C}"`],
  },
  {
    mutation: 'assignLead',
    label: 'an unknown commitment',
    input: { commitmentId: 'rj.77', userId: 'lena' },
    code: 'NOT_FOUND',
    message: ['commitmentId', 'commitment "rj.77" does not exist'],
  },
  {
    mutation: 'revokeLead',
    label: 'a user who is not a lead',
    input: { commitmentId: C, userId: 'nobody' },
    code: 'ILLEGAL_STATE',
    message: [`user "nobody" is not a lead of commitment "${C}"`],
  },
  {
    mutation: 'revokeLead',
    label: 'an empty userId',
    input: { commitmentId: C, userId: '' },
    code: 'VALIDATION_FAILED',
    message: ['userId must not be empty'],
  },
];
