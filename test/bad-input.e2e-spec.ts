import fc from 'fast-check';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { TokenService, loadConfig, ProjectionRunner } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';
import { storeTargets } from './support/store-targets';

type Input = Record<string, unknown>;
interface GqlResult {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions: { code: string } }>;
}

let app: NestFastifyApplication;
let token: string;

async function run(mutation: string, inputType: string, input: Input): Promise<GqlResult> {
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization: `Bearer ${token}` },
    payload: { query: `mutation($input: ${inputType}!) { ${mutation}(input: $input) { version } }`, variables: { input } },
  });
  return res.json() as GqlResult;
}

const head = () => app.get<EventStore>(EVENT_STORE).headPosition();

/** Each mutation with an input that would be accepted, and the fields that are free text. */
// `ids`: required id fields (refused when missing or unknown); with both a commitmentId and an
// activityId, the activity of another plan's commitment is refused too.
const MUTATIONS: Array<{ mutation: string; type: string; valid: Input; texts: string[]; ids: string[] }> = [
  {
    mutation: 'definePlan',
    type: 'DefinePlanInput',
    valid: { id: 'fresh', country: 'Maroc', title: 'T', period: '2018-2020' },
    texts: ['country', 'title', 'period'],
    ids: ['id'],
  },
  { mutation: 'addAxis', type: 'AddAxisInput', valid: { planId: 'bad', axisId: 'fresh', title: 'T' }, texts: ['title'], ids: ['planId'] },
  {
    mutation: 'closeReportingPeriod',
    type: 'CloseReportingPeriodInput',
    valid: { planId: 'bad', name: 'P1', endsAt: '2019-06-30' },
    texts: ['name'],
    ids: ['planId'],
  },
  {
    mutation: 'registerCommitment',
    type: 'RegisterCommitmentInput',
    valid: { planId: 'bad', axisId: 'a', number: 9, title: 'T', leadOrganisation: 'O' },
    texts: ['title', 'leadOrganisation'],
    ids: ['planId', 'axisId'],
  },
  {
    mutation: 'planActivity',
    type: 'PlanActivityInput',
    valid: { commitmentId: 'bad.1', title: 'T', weight: 1 },
    texts: ['title'],
    ids: ['commitmentId'],
  },
  {
    mutation: 'setActivityWeight',
    type: 'SetActivityWeightInput',
    valid: { commitmentId: 'bad.1', activityId: 'bad.1.1', weight: 2 },
    texts: [],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'reportActivityProgress',
    type: 'ReportActivityProgressInput',
    valid: { commitmentId: 'bad.1', activityId: 'bad.1.1', progress: 50 },
    texts: [],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'correctActivityProgress',
    type: 'CorrectActivityProgressInput',
    valid: { commitmentId: 'bad.1', activityId: 'bad.1.1', progress: 40, reason: 'typo' },
    texts: ['reason'],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'recordAction',
    type: 'RecordActionInput',
    valid: { commitmentId: 'bad.1', activityId: 'bad.1.1', kind: 'DONE', text: 'T' },
    texts: ['text'],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'retractAction',
    type: 'RetractActionInput',
    valid: { commitmentId: 'bad.1', activityId: 'bad.1.2', actionId: 'bad.1.2.x1', reason: 'dup' },
    texts: ['reason'],
    ids: ['commitmentId', 'activityId', 'actionId'],
  },
  {
    mutation: 'logCommunicationAction',
    type: 'LogCommunicationActionInput',
    valid: { commitmentId: 'bad.1', action: 'radio' },
    texts: ['action'],
    ids: ['commitmentId'],
  },
  {
    mutation: 'recordOutcome',
    type: 'RecordOutcomeInput',
    valid: { commitmentId: 'bad.1', results: 'R' },
    texts: [],
    ids: ['commitmentId'],
  },
  {
    mutation: 'suspendActivity',
    type: 'ActivityLifecycleInput',
    valid: { commitmentId: 'bad.1', activityId: 'bad.1.1', reason: 'r' },
    texts: ['reason'],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'cancelActivity',
    type: 'ActivityLifecycleInput',
    valid: { commitmentId: 'bad.1', activityId: 'bad.1.1', reason: 'r' },
    texts: ['reason'],
    ids: ['commitmentId', 'activityId'],
  },
  { mutation: 'assignLead', type: 'LeadAssignmentInput', valid: { commitmentId: 'bad.1', userId: 'u' }, texts: [], ids: ['commitmentId'] },
];

/** Bad variants of a valid input: [label, input, the field the error must name]. */
function variants(m: (typeof MUTATIONS)[number]): Array<[string, Input, string]> {
  const out: Array<[string, Input, string]> = [
    ['an unknown field', { ...m.valid, sneaky: 1 }, 'sneaky'],
    ['an invalid effectiveAt', { ...m.valid, effectiveAt: '2020-13-45' }, 'effectiveAt'],
    ['an effectiveAt in the future', { ...m.valid, effectiveAt: '2999-01-01' }, 'effectiveAt'],
    ['a negative expectedVersion', { ...m.valid, expectedVersion: -1 }, 'expectedVersion'],
    ['expectedVersion as a string', { ...m.valid, expectedVersion: 'one' }, 'expectedVersion'],
  ];
  for (const f of m.texts) {
    out.push([`an empty ${f}`, { ...m.valid, [f]: '   ' }, f]);
    out.push([`a 100 kB ${f}`, { ...m.valid, [f]: 'x'.repeat(100_000) }, f]);
    out.push([`a control character in ${f}`, { ...m.valid, [f]: 'bell\u0007' }, f]);
    out.push([`a number as ${f}`, { ...m.valid, [f]: 42 }, f]);
  }
  for (const f of m.ids) {
    const unknown = f === 'id' ? 'Not A Slug!' : f === 'planId' ? 'nowhere' : f === 'axisId' ? 'nowhere' : `${String(m.valid[f])}9`;
    out.push([`an unknown ${f}`, { ...m.valid, [f]: unknown }, f]);
    out.push([`${f} missing`, Object.fromEntries(Object.entries(m.valid).filter(([k]) => k !== f)), f]);
  }
  if (m.ids.includes('activityId')) {
    out.push([
      'an activityId of another plan',
      { ...m.valid, activityId: String(m.valid.activityId).replace(/^bad/, 'other') },
      'activityId',
    ]);
  }
  if ('progress' in m.valid) {
    out.push(['progress 150', { ...m.valid, progress: 150 }, 'progress']);
    out.push(['progress -1', { ...m.valid, progress: -1 }, 'progress']);
    out.push(['progress as text', { ...m.valid, progress: '50' }, 'progress']);
    out.push(['a band that does not contain the figure', { ...m.valid, status: 'COMPLETE' }, 'status']);
  }
  if ('weight' in m.valid) {
    out.push(['weight 0', { ...m.valid, weight: 0 }, 'weight']);
    out.push(['weight -3', { ...m.valid, weight: -3 }, 'weight']);
  }
  return out;
}

describe.each(storeTargets())('on $name', (target) => {
  beforeAll(async () => {
    app = await createApp(
      loadConfig({ ...(await target.start()), LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: 'bad-input-test-secret-0123456789abcdef' }),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(ProjectionRunner).caughtUp;
    token = await app.get(TokenService).issue({ sub: 'cora', name: 'Cora', roles: ['coordinator'] });
    for (const plan of ['bad', 'other']) {
      const setup: Array<[string, string, Input]> = [
        ['definePlan', 'DefinePlanInput', { id: plan, country: 'X', title: 'T', period: 'P' }],
        ['addAxis', 'AddAxisInput', { planId: plan, axisId: 'a', title: 'A' }],
        ['registerCommitment', 'RegisterCommitmentInput', { planId: plan, axisId: 'a', number: 1, title: 'C', leadOrganisation: 'O' }],
        ['planActivity', 'PlanActivityInput', { commitmentId: `${plan}.1`, title: 'A1', weight: 1 }],
        ['planActivity', 'PlanActivityInput', { commitmentId: `${plan}.1`, title: 'A2', weight: 1 }],
        ['recordAction', 'RecordActionInput', { commitmentId: `${plan}.1`, activityId: `${plan}.1.2`, kind: 'DONE', text: 'x' }],
      ];
      for (const [m, t, i] of setup) expect((await run(m, t, i)).errors).toBeUndefined();
    }
  }, 30_000);

  afterAll(async () => {
    await app.close();
    await target.stop();
  });

  describe('bad input: a coded error naming the field, and nothing written', () => {
    for (const m of MUTATIONS) {
      describe(m.mutation, () => {
        for (const [label, input, field] of variants(m)) {
          it(`refuses ${label}`, async () => {
            const before = await head();
            const res = await run(m.mutation, m.type, input);
            expect(res.errors).toBeDefined();
            expect(['VALIDATION_FAILED', 'NOT_FOUND']).toContain(res.errors![0].extensions.code);
            expect(res.errors!.map((e) => e.message).join(' ')).toContain(field);
            expect(await head()).toBe(before);
          });
        }
      });
    }

    it('stores SQL- and JSON-looking text verbatim (it is data, not code)', async () => {
      for (const text of ["'); DROP TABLE events; --", '{"$where": "1 == 1"}', '<script>alert(1)</script>', 'ﷺ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 العربية']) {
        const res = await run('recordAction', 'RecordActionInput', {
          commitmentId: 'bad.1',
          activityId: 'bad.1.2',
          kind: 'ADDITIONAL',
          text,
        });
        expect(res.errors).toBeUndefined();
        const read = await app.inject({
          method: 'POST',
          url: '/graphql',
          payload: { query: '{ commitment(id:"bad.1") { activities { additionalActions { text } } } }' },
        });
        expect(read.json().data.commitment.activities[1].additionalActions.map((a: { text: string }) => a.text)).toContain(text);
      }
    });

    it('holds for arbitrary progress reports (property-based, fixed seed): accepted ones are stored with a consistent band, refused ones write nothing', async () => {
      const statuses = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'];
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.double({ min: -50, max: 150, noNaN: true }),
            fc.integer({ min: -10, max: 110 }),
            fc.constantFrom(0, 59.99, 60, 90, 100),
          ),
          fc.option(fc.constantFrom(...statuses), { nil: undefined }),
          fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
          async (progress, status, note) => {
            const before = await head();
            const res = await run('reportActivityProgress', 'ReportActivityProgressInput', {
              commitmentId: 'other.1',
              activityId: 'other.1.1',
              progress,
              status,
              note,
            });
            const after = await head();
            if (res.errors) {
              expect(['VALIDATION_FAILED']).toContain(res.errors[0].extensions.code);
              expect(after).toBe(before);
            } else {
              expect(progress).toBeGreaterThanOrEqual(0);
              expect(progress).toBeLessThanOrEqual(100);
              expect(after! > before!).toBe(true);
            }
          },
        ),
        { seed: 20261128, numRuns: 150 },
      );
    }, 60_000);
  });
});
