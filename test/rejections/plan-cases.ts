import { P, planVersion, type Rejection } from './rejection-case';

/** The plan and its structure: definePlan, addAxis, closeReportingPeriod, registerCommitment. */
export const PLAN_CASES: Rejection[] = [
  // definePlan
  {
    mutation: 'definePlan',
    label: 'an id that is not a slug',
    input: { id: 'Plan Maroc!', country: 'Maroc', title: 'T', period: '2021-2023' },
    code: 'VALIDATION_FAILED',
    message: ['id must be a lower-case slug', '"Plan Maroc!"'],
  },
  {
    mutation: 'definePlan',
    label: 'an empty title',
    input: { id: 'fresh', country: 'Maroc', title: '', period: '2021-2023' },
    code: 'VALIDATION_FAILED',
    message: ['title must not be empty'],
  },
  {
    mutation: 'definePlan',
    label: 'a title of spaces only',
    input: { id: 'fresh', country: 'Maroc', title: '   ', period: '2021-2023' },
    code: 'VALIDATION_FAILED',
    message: ['title must not be empty'],
  },
  {
    mutation: 'definePlan',
    label: 'an id already defined',
    input: { id: P, country: 'Maroc', title: 'T', period: '2021-2023' },
    code: 'ILLEGAL_STATE',
    message: [`plan "${P}" is already defined`],
  },
  {
    mutation: 'definePlan',
    label: 'an effectiveAt that is not a date',
    input: { id: 'fresh', country: 'Maroc', title: 'T', period: 'P', effectiveAt: 'last tuesday' },
    code: 'VALIDATION_FAILED',
    message: ['effectiveAt must be an ISO 8601 date or date-time', 'last tuesday'],
  },
  // addAxis
  {
    mutation: 'addAxis',
    label: 'an unknown plan',
    input: { planId: 'nowhere', axisId: 'x', title: 'X' },
    code: 'NOT_FOUND',
    message: ['planId', 'plan "nowhere" does not exist'],
  },
  {
    mutation: 'addAxis',
    label: 'an axis id that is not a slug',
    input: { planId: P, axisId: 'Axe 2', title: 'X' },
    code: 'VALIDATION_FAILED',
    message: ['axisId must be a lower-case slug', '"Axe 2"'],
  },
  {
    mutation: 'addAxis',
    label: 'an axis id already in the plan',
    input: { planId: P, axisId: 'a', title: 'X' },
    code: 'ILLEGAL_STATE',
    message: [`axis "a" already exists in plan "${P}"`],
  },
  {
    mutation: 'addAxis',
    label: 'a stale expectedVersion',
    input: { planId: P, axisId: 'late', title: 'X', expectedVersion: 1 },
    code: 'CONCURRENCY_CONFLICT',
    message: ['expectedVersion was 1', `"plan-${P}" is at version`],
    extensions: async (t) => ({ expectedVersion: 1, currentVersion: await planVersion(t), stream: `plan-${P}` }),
  },
  // closeReportingPeriod
  {
    mutation: 'closeReportingPeriod',
    label: 'an endsAt that is not a date',
    input: { planId: P, name: 'P2', endsAt: 'fin juin' },
    code: 'VALIDATION_FAILED',
    message: ['endsAt must be an ISO 8601 date or date-time', 'fin juin'],
  },
  {
    mutation: 'closeReportingPeriod',
    label: 'an endsAt before the previous period’s end',
    input: { planId: P, name: 'P2', endsAt: '2020-01-31' },
    code: 'VALIDATION_FAILED',
    message: ["endsAt must be after the previous period's end 2020-06-30", 'got 2020-01-31'],
  },
  {
    mutation: 'closeReportingPeriod',
    label: 'a period already closed',
    input: { planId: P, name: 'P1', endsAt: '2020-12-31' },
    code: 'ILLEGAL_STATE',
    message: ['reporting period "P1" is already closed'],
  },
  {
    mutation: 'closeReportingPeriod',
    label: 'an unknown plan',
    input: { planId: 'nowhere', name: 'P1', endsAt: '2020-12-31' },
    code: 'NOT_FOUND',
    message: ['planId', 'plan "nowhere" does not exist'],
  },
  // registerCommitment
  {
    mutation: 'registerCommitment',
    label: 'an unknown axis',
    input: { planId: P, axisId: 'nowhere', number: 9, title: 'T', leadOrganisation: 'O' },
    code: 'NOT_FOUND',
    message: ['axisId', 'axis "nowhere" does not exist', `in plan "${P}"`],
  },
  {
    mutation: 'registerCommitment',
    label: 'an unknown plan',
    input: { planId: 'nowhere', axisId: 'a', number: 9, title: 'T', leadOrganisation: 'O' },
    code: 'NOT_FOUND',
    message: ['planId', 'plan "nowhere" does not exist'],
  },
  {
    mutation: 'registerCommitment',
    label: 'number 0',
    input: { planId: P, axisId: 'a', number: 0, title: 'T', leadOrganisation: 'O' },
    code: 'VALIDATION_FAILED',
    message: ['number must be ≥ 1, got 0'],
  },
  {
    mutation: 'registerCommitment',
    label: 'an empty leadOrganisation',
    input: { planId: P, axisId: 'a', number: 9, title: 'T', leadOrganisation: '' },
    code: 'VALIDATION_FAILED',
    message: ['leadOrganisation must not be empty'],
  },
  {
    mutation: 'registerCommitment',
    label: 'a number already registered',
    input: { planId: P, axisId: 'a', number: 1, title: 'T', leadOrganisation: 'O' },
    code: 'ILLEGAL_STATE',
    message: [`commitment number 1 is already registered in plan "${P}"`],
  },
];
