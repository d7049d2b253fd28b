import { frozenClock, INPUT_TYPES, mustMutate, mutate } from './support/ledger-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every mutation refuses bad input with a coded error whose message names the field and the rule,
 * and writes nothing: the log's head position is the same before and after.
 * Time is frozen at 2021-06-30T12:00Z, so "in the future" is deterministic.
 */

type Code = 'VALIDATION_FAILED' | 'NOT_FOUND' | 'ILLEGAL_STATE' | 'CONCURRENCY_CONFLICT' | 'UNAUTHENTICATED' | 'FORBIDDEN';
interface Rejection {
  mutation: string;
  label: string;
  input: Record<string, unknown>;
  code: Code;
  /** Each must appear in errors[0].message (the field, the rule, the offending value…). */
  message: Array<string | RegExp>;
  /** Extra extensions expected on errors[0] (computed when the test runs). */
  extensions?: (t: TestApp) => Promise<Record<string, unknown>>;
  /** Send as another caller (default coordinator). */
  as?: 'anonymous' | 'auditor';
}

const P = 'rj';
const C = 'rj.1';
const ACTIVE = 'rj.1.1';
const CANCELLED = 'rj.1.2';
const SUSPENDED = 'rj.1.3';
const ACTION = 'rj.1.1.x1';
const RETRACTED = 'rj.1.1.x2';
const on = (activityId = ACTIVE) => ({ commitmentId: C, activityId });
const versionOf = async (t: TestApp, query: string): Promise<number> => {
  const data = (await t.gql(query)).data;
  return (data.plan ?? data.commitment).version;
};
const planVersion = (t: TestApp) => versionOf(t, `{ plan(id:"${P}") { version } }`);
const commitmentVersion = (t: TestApp) => versionOf(t, `{ commitment(id:"${C}") { version } }`);

const CASES: Rejection[] = [
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
  // reportActivityProgress
  {
    mutation: 'reportActivityProgress',
    label: 'progress 150',
    input: { ...on(), progress: 150 },
    code: 'VALIDATION_FAILED',
    message: ['progress must be between 0 and 100, got 150'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'progress as a string',
    input: { ...on(), progress: '50' },
    code: 'VALIDATION_FAILED',
    message: ['input.progress', 'Float cannot represent'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'a band that does not contain the figure',
    input: { ...on(), progress: 50, status: 'COMPLETE' },
    code: 'VALIDATION_FAILED',
    message: ['status COMPLETE covers 90–100 %, but progress is 50'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'an unknown field in the input',
    input: { ...on(), progress: 50, percent: 50 },
    code: 'VALIDATION_FAILED',
    message: ['Field "percent" is not defined by type "ReportActivityProgressInput"'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'an effectiveAt in the future',
    input: { ...on(), progress: 50, effectiveAt: '2021-07-01' },
    code: 'VALIDATION_FAILED',
    message: ['effectiveAt must not be in the future, got 2021-07-01'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'an effectiveAt that is not a date',
    input: { ...on(), progress: 50, effectiveAt: 'not-a-date' },
    code: 'VALIDATION_FAILED',
    message: ['effectiveAt must be an ISO 8601 date or date-time, got not-a-date'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'an effectiveAt that is not a calendar date (30 February)',
    input: { ...on(), progress: 50, effectiveAt: '2020-02-30' },
    code: 'VALIDATION_FAILED',
    message: ['effectiveAt must be an ISO 8601 date or date-time, got 2020-02-30'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'a stale expectedVersion',
    input: { ...on(), progress: 50, expectedVersion: 2 },
    code: 'CONCURRENCY_CONFLICT',
    message: ['expectedVersion was 2', `"commitment-${C}" is at version`],
    extensions: async (t) => ({ expectedVersion: 2, currentVersion: await commitmentVersion(t), stream: `commitment-${C}` }),
  },
  {
    mutation: 'reportActivityProgress',
    label: 'a negative expectedVersion',
    input: { ...on(), progress: 50, expectedVersion: -1 },
    code: 'VALIDATION_FAILED',
    message: ['expectedVersion must be ≥ 0, got -1'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'a commandId over 500 characters',
    input: { ...on(), progress: 50, commandId: 'k'.repeat(501) },
    code: 'VALIDATION_FAILED',
    message: ['commandId must be at most 500 characters'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'an unknown commitment',
    input: { commitmentId: 'rj.42', activityId: 'rj.42.1', progress: 50 },
    code: 'NOT_FOUND',
    message: ['commitmentId', 'commitment "rj.42" does not exist'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'an unknown activity',
    input: { ...on('rj.1.42'), progress: 50 },
    code: 'NOT_FOUND',
    message: ['activityId', 'activity "rj.1.42" does not exist'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'a cancelled activity',
    input: { ...on(CANCELLED), progress: 50 },
    code: 'ILLEGAL_STATE',
    message: [`cannot report progress on activity "${CANCELLED}": it is CANCELLED`, 'plus financé'],
  },
  {
    mutation: 'reportActivityProgress',
    label: 'an anonymous caller',
    input: { ...on(), progress: 50 },
    code: 'UNAUTHENTICATED',
    message: ['ReportActivityProgress needs an authenticated user'],
    as: 'anonymous',
  },
  {
    mutation: 'reportActivityProgress',
    label: 'an auditor',
    input: { ...on(), progress: 50 },
    code: 'FORBIDDEN',
    message: ['ReportActivityProgress is not allowed for auditor'],
    as: 'auditor',
  },
  // correctActivityProgress
  {
    mutation: 'correctActivityProgress',
    label: 'progress -1',
    input: { ...on(), progress: -1, reason: 'typo' },
    code: 'VALIDATION_FAILED',
    message: ['progress must be between 0 and 100, got -1'],
  },
  {
    mutation: 'correctActivityProgress',
    label: 'an empty reason',
    input: { ...on(), progress: 40, reason: '' },
    code: 'VALIDATION_FAILED',
    message: ['reason must not be empty'],
  },
  {
    mutation: 'correctActivityProgress',
    label: 'a band that does not contain the figure',
    input: { ...on(), progress: 10, status: 'NOT_STARTED', reason: 'typo' },
    code: 'VALIDATION_FAILED',
    message: ['status NOT_STARTED covers 0 %, but progress is 10'],
  },
  {
    mutation: 'correctActivityProgress',
    label: 'an effectiveAt other than the date of the figure it corrects',
    input: { ...on(), progress: 40, reason: 'typo', effectiveAt: '2021-01-01' },
    code: 'VALIDATION_FAILED',
    message: ['effectiveAt must be the date of the figure it corrects, 2021-03-31T00:00:00.000Z, got 2021-01-01T00:00:00.000Z'],
    extensions: async () => ({ problems: [{ field: 'effectiveAt', rule: 'correctionDate' }] }),
  },
  {
    mutation: 'correctActivityProgress',
    label: 'an activity without a reported figure',
    input: { ...on(SUSPENDED), progress: 40, reason: 'typo' },
    code: 'ILLEGAL_STATE',
    message: [`activity "${SUSPENDED}" has no reported figure to correct: report progress instead`],
  },
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

describe('refused mutations: a coded error that names the field and the rule, and nothing written', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: frozenClock });
    await mustMutate(t, 'definePlan', { id: P, country: 'Maroc', title: 'T', period: '2021-2023' });
    await mustMutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'A' });
    await mustMutate(t, 'closeReportingPeriod', { planId: P, name: 'P1', endsAt: '2020-06-30' });
    await mustMutate(t, 'registerCommitment', { planId: P, axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' });
    for (const title of ['active', 'cancelled', 'suspended']) await mustMutate(t, 'planActivity', { commitmentId: C, title, weight: 1 });
    await mustMutate(t, 'cancelActivity', { ...on(CANCELLED), reason: 'plus financé' });
    await mustMutate(t, 'suspendActivity', { ...on(SUSPENDED), reason: 'en pause' });
    await mustMutate(t, 'recordAction', { ...on(), kind: 'DONE', text: 'kept' });
    await mustMutate(t, 'recordAction', { ...on(), kind: 'DONE', text: 'mistake' });
    await mustMutate(t, 'retractAction', { ...on(), actionId: RETRACTED, reason: 'mistake' });
    await mustMutate(t, 'assignLead', { commitmentId: C, userId: 'lena' });
    await mustMutate(t, 'reportActivityProgress', { ...on(), progress: 30, effectiveAt: '2021-03-31' });
  }, 30_000);
  afterAll(() => t.stop());

  it('has at least one refusal case for every mutation in the schema', async () => {
    const res = await t.gql('{ __schema { mutationType { fields { name } } } }');
    const names: string[] = res.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.length).toBeGreaterThanOrEqual(17);
    const covered = new Set(CASES.map((c) => c.mutation));
    expect(names.filter((n) => !covered.has(n))).toEqual([]);
    expect(names.filter((n) => !INPUT_TYPES[n])).toEqual([]);
  });

  describe.each(Object.keys(INPUT_TYPES))('%s', (mutation) => {
    it.each(CASES.filter((c) => c.mutation === mutation).map((c) => [c.label, c.code, c] as const))(
      'refuses %s with %s and writes nothing',
      async (_label, _code, c) => {
        const before = await t.headPosition();
        const res = await mutate(t, c.mutation, c.input, c.as);
        expect(res.data?.[c.mutation] ?? null).toBeNull();
        expect(res.errors).toHaveLength(1);
        const [error] = res.errors!;
        expect(error.extensions.code).toBe(c.code);
        for (const part of c.message) {
          if (typeof part === 'string') expect(error.message).toContain(part);
          else expect(error.message).toMatch(part);
        }
        if (c.extensions) expect(error.extensions).toMatchObject(await c.extensions(t));
        expect(await t.headPosition()).toBe(before);
      },
    );
  });

  it('refuses an unknown field written inline (not as a variable) the same way', async () => {
    const before = await t.headPosition();
    const res = await t.gql(
      `mutation { reportActivityProgress(input:{commitmentId:"${C}", activityId:"${ACTIVE}", progress:10, sneaky:1}) { version } }`,
    );
    expect(res.errors![0].extensions.code).toBe('VALIDATION_FAILED');
    expect(res.errors![0].message).toContain('Field "sneaky" is not defined by type "ReportActivityProgressInput"');
    expect(await t.headPosition()).toBe(before);
  });

  it('lists every bad field of one input at once, each with its rule, in extensions.problems', async () => {
    const before = await t.headPosition();
    const res = await mutate(t, 'registerCommitment', { planId: 'Bad Plan', axisId: 'a', number: 0, title: '', leadOrganisation: 'O' });
    const error = res.errors![0];
    expect(error.extensions.code).toBe('VALIDATION_FAILED');
    const problems = error.extensions.problems as Array<{ field: string; rule: string; message: string }>;
    expect(problems.map((p) => p.field).sort()).toEqual(['number', 'planId', 'title']);
    for (const p of problems) expect(error.message).toContain(p.message);
    expect(await t.headPosition()).toBe(before);
  });

  it('leaves the read models untouched after a refusal (same versions and figures)', async () => {
    const read = () =>
      t.gql(`{ plan(id:"${P}") { version implementationRate } commitment(id:"${C}") { version activities { progress lifecycle } } }`);
    const before = await read();
    await mutate(t, 'reportActivityProgress', { ...on(), progress: 150 });
    await mutate(t, 'reportActivityProgress', { ...on(), progress: 50, expectedVersion: 0 });
    await mutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'dup' });
    expect(await read()).toEqual(before);
  });

  it('accepts a write once the caller uses the current version reported by the conflict', async () => {
    const conflict = await mutate(t, 'reportActivityProgress', { ...on(), progress: 20, expectedVersion: 0 });
    const currentVersion = conflict.errors![0].extensions.currentVersion as number;
    expect(currentVersion).toBe(await commitmentVersion(t));
    const ok = await mutate(t, 'reportActivityProgress', { ...on(), progress: 20, expectedVersion: currentVersion });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.reportActivityProgress.version).toBe(currentVersion + 1);
  });
});

describe('explicit null for an optional input field means "not given"', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: frozenClock });
    await mustMutate(t, 'definePlan', { id: P, country: 'Maroc', title: 'T', period: '2021-2023' });
    await mustMutate(t, 'addAxis', { planId: P, axisId: 'a', title: 'A' });
    await mustMutate(t, 'registerCommitment', { planId: P, axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' });
    await mustMutate(t, 'planActivity', { commitmentId: C, title: 'A', weight: 1 });
  }, 30_000);
  afterAll(() => t.stop());

  it('accepts null commandId and effectiveAt on a progress report', async () => {
    const res = await mutate(t, 'reportActivityProgress', { ...on(), progress: 10, commandId: null, effectiveAt: null });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportActivityProgress.commitment.activities[0]).toMatchObject({ progress: 10, status: 'LIMITED' });
  });

  it('accepts null axisId (generated) and null activity number (next one)', async () => {
    const axis = await mutate(t, 'addAxis', { planId: P, axisId: null, title: 'B' });
    expect(axis.errors).toBeUndefined();
    expect(axis.data!.addAxis.plan.axes.map((a: { id: string }) => a.id)).toEqual(['a', 'axis-2']);
    const activity = await mutate(t, 'planActivity', { commitmentId: C, number: null, title: 'B', weight: 1 });
    expect(activity.errors).toBeUndefined();
    expect(activity.data!.planActivity.commitment.activities.map((a: { id: string }) => a.id)).toEqual([`${C}.1`, `${C}.2`]);
  });

  // An explicit null (legal for a nullable GraphQL field) means "not given".
  it('derives the band when status is null', async () => {
    const res = await mutate(t, 'reportActivityProgress', { ...on(), progress: 70, status: null });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportActivityProgress.commitment.activities[0]).toMatchObject({ progress: 70, status: 'SUBSTANTIAL' });
  });

  it('writes without an optimistic lock when expectedVersion is null', async () => {
    const res = await mutate(t, 'reportActivityProgress', { ...on(), progress: 30, expectedVersion: null });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportActivityProgress.commitment.activities[0].progress).toBe(30);
  });
});
