import { ACTIVE, C, CANCELLED, on, SUSPENDED, type Rejection } from './rejection-case';

/** Activities: planActivity, setActivityWeight, and their lifecycle (suspend, resume, cancel). */
export const ACTIVITY_CASES: Rejection[] = [
  // planActivity
  {
    mutation: 'planActivity',
    label: 'weight 0',
    input: { commitmentId: C, title: 'T', weight: 0 },
    code: 'VALIDATION_FAILED',
    message: ['weight must be greater than 0, got 0'],
  },
  {
    mutation: 'planActivity',
    label: 'an unknown commitment',
    input: { commitmentId: 'rj.99', title: 'T', weight: 1 },
    code: 'NOT_FOUND',
    message: ['commitmentId', 'commitment "rj.99" does not exist'],
  },
  {
    mutation: 'planActivity',
    label: 'an activity number already used',
    input: { commitmentId: C, number: 1, title: 'T', weight: 1 },
    code: 'ILLEGAL_STATE',
    message: [`activity number 1 already exists in commitment "${C}"`],
  },
  {
    mutation: 'planActivity',
    label: 'an empty title',
    input: { commitmentId: C, title: '', weight: 1 },
    code: 'VALIDATION_FAILED',
    message: ['title must not be empty'],
  },
  // setActivityWeight
  {
    mutation: 'setActivityWeight',
    label: 'a negative weight',
    input: { ...on(), weight: -3 },
    code: 'VALIDATION_FAILED',
    message: ['weight must be greater than 0, got -3'],
  },
  {
    mutation: 'setActivityWeight',
    label: 'a weight over the maximum',
    input: { ...on(), weight: 2_000_000 },
    code: 'VALIDATION_FAILED',
    message: ['weight must be at most 1000000, got 2000000'],
  },
  {
    mutation: 'setActivityWeight',
    label: 'an unknown activity',
    input: { ...on('rj.1.9'), weight: 2 },
    code: 'NOT_FOUND',
    message: ['activityId', 'activity "rj.1.9" does not exist', `in commitment "${C}"`],
  },
  {
    mutation: 'setActivityWeight',
    label: 'a date before the weight in force (the planning, 2021-06-30)',
    input: { ...on(), weight: 2, effectiveAt: '2021-01-01' },
    code: 'ILLEGAL_STATE',
    message: ['effectiveAt 2021-01-01T00:00:00.000Z is before the change in force', 'its weight 1, effective 2021-06-30T12:00:00.000Z'],
    extensions: async () => ({ field: 'effectiveAt' }),
  },
  // suspend / resume / cancel
  {
    mutation: 'suspendActivity',
    label: 'an activity already suspended',
    input: { ...on(SUSPENDED), reason: 'r' },
    code: 'ILLEGAL_STATE',
    message: [`cannot suspend activity "${SUSPENDED}": it is SUSPENDED`],
  },
  {
    mutation: 'suspendActivity',
    label: 'an empty reason',
    input: { ...on(), reason: '' },
    code: 'VALIDATION_FAILED',
    message: ['reason must not be empty'],
  },
  {
    mutation: 'suspendActivity',
    label: 'a date before the lifecycle state in force',
    input: { ...on(), reason: 'pause', effectiveAt: '2021-01-01' },
    code: 'ILLEGAL_STATE',
    message: [
      'before the change in force',
      'its state ACTIVE, effective 2021-06-30T12:00:00.000Z',
      'a lifecycle change dated earlier would never take effect',
    ],
    extensions: async () => ({ field: 'effectiveAt' }),
  },
  {
    mutation: 'resumeActivity',
    label: 'a date before the suspension in force',
    input: { ...on(SUSPENDED), reason: 'reprise', effectiveAt: '2021-06-01' },
    code: 'ILLEGAL_STATE',
    message: ['its state SUSPENDED, effective 2021-06-30T12:00:00.000Z'],
    extensions: async () => ({ field: 'effectiveAt' }),
  },
  {
    mutation: 'resumeActivity',
    label: 'an activity that is active',
    input: { ...on(), reason: 'r' },
    code: 'ILLEGAL_STATE',
    message: [`cannot resume activity "${ACTIVE}": it is ACTIVE`],
  },
  {
    mutation: 'resumeActivity',
    label: 'a cancelled activity',
    input: { ...on(CANCELLED), reason: 'r' },
    code: 'ILLEGAL_STATE',
    message: [`cannot resume activity "${CANCELLED}": it is CANCELLED`],
  },
  {
    mutation: 'cancelActivity',
    label: 'an activity already cancelled',
    input: { ...on(CANCELLED), reason: 'r' },
    code: 'ILLEGAL_STATE',
    message: [`cannot cancel activity "${CANCELLED}": it is CANCELLED`],
  },
  {
    mutation: 'cancelActivity',
    label: 'an unknown activity',
    input: { ...on('rj.1.9'), reason: 'r' },
    code: 'NOT_FOUND',
    message: ['activityId', 'activity "rj.1.9" does not exist'],
  },
];
