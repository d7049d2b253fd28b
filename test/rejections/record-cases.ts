import { C, ACTIVE, CANCELLED, ACTION, RETRACTED, on, type Rejection } from './rejection-case';

/** What a commitment records beside its figures: actions, communication actions, the outcome. */
export const RECORD_CASES: Rejection[] = [
  // recordAction
  {
    mutation: 'recordAction',
    label: 'a kind outside DONE / NOT_DONE / ADDITIONAL',
    input: { ...on(), kind: 'DONE_ISH', text: 'x' },
    code: 'VALIDATION_FAILED',
    message: ['input.kind', 'Value "DONE_ISH" does not exist in "ActionKind" enum'],
  },
  {
    mutation: 'recordAction',
    label: 'an empty text',
    input: { ...on(), kind: 'DONE', text: '' },
    code: 'VALIDATION_FAILED',
    message: ['text must not be empty'],
  },
  {
    mutation: 'recordAction',
    label: 'a cancelled activity',
    input: { ...on(CANCELLED), kind: 'DONE', text: 'x' },
    code: 'ILLEGAL_STATE',
    message: [`cannot record an action on activity "${CANCELLED}": it is CANCELLED`],
  },
  // retractAction
  {
    mutation: 'retractAction',
    label: 'an unknown action',
    input: { ...on(), actionId: 'rj.1.1.x9', reason: 'dup' },
    code: 'NOT_FOUND',
    message: ['actionId', 'action "rj.1.1.x9" does not exist', `in activity "${ACTIVE}"`],
  },
  {
    mutation: 'retractAction',
    label: 'an action already retracted',
    input: { ...on(), actionId: RETRACTED, reason: 'dup' },
    code: 'ILLEGAL_STATE',
    message: [`action "${RETRACTED}" is already retracted`],
  },
  {
    mutation: 'retractAction',
    label: 'an empty reason',
    input: { ...on(), actionId: ACTION, reason: '' },
    code: 'VALIDATION_FAILED',
    message: ['reason must not be empty'],
  },
  {
    mutation: 'retractAction',
    label: 'an effectiveAt other than the date of the action it retracts',
    input: { ...on(), actionId: ACTION, reason: 'dup', effectiveAt: '2021-06-01' },
    code: 'VALIDATION_FAILED',
    message: [`effectiveAt must be the date of the action it retracts ("${ACTION}"), 2021-06-30T12:00:00.000Z`],
    extensions: async () => ({ problems: [{ field: 'effectiveAt', rule: 'retractionDate' }] }),
  },
  // logCommunicationAction
  {
    mutation: 'logCommunicationAction',
    label: 'an empty action',
    input: { commitmentId: C, action: '' },
    code: 'VALIDATION_FAILED',
    message: ['action must not be empty'],
  },
  {
    mutation: 'logCommunicationAction',
    label: 'an unknown commitment',
    input: { commitmentId: 'rj.77', action: 'Radio' },
    code: 'NOT_FOUND',
    message: ['commitmentId', 'commitment "rj.77" does not exist'],
  },
  // recordOutcome
  {
    mutation: 'recordOutcome',
    label: 'none of results, contribution, nextSteps',
    input: { commitmentId: C },
    code: 'VALIDATION_FAILED',
    message: ['at least one of results, contribution, nextSteps is required'],
  },
  {
    mutation: 'recordOutcome',
    label: 'an unknown commitment',
    input: { commitmentId: 'rj.77', results: 'R' },
    code: 'NOT_FOUND',
    message: ['commitmentId', 'commitment "rj.77" does not exist'],
  },
];
