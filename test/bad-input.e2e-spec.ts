import fc from 'fast-check';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { TokenService, loadConfig, ProjectionRunner } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';
import { describeEachStore, RUN_SUFFIX } from './support/store-targets';

type Input = Record<string, unknown>;

// Plan ids unique to this run on a real server (which keeps earlier runs); plain on fresh stores.
const B = `bad${RUN_SUFFIX}`;
const O = `other${RUN_SUFFIX}`;
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
    valid: { id: `fresh${RUN_SUFFIX}`, country: 'Maroc', title: 'T', period: '2018-2020' },
    texts: ['country', 'title', 'period'],
    ids: ['id'],
  },
  { mutation: 'addAxis', type: 'AddAxisInput', valid: { planId: B, axisId: 'fresh', title: 'T' }, texts: ['title'], ids: ['planId'] },
  {
    mutation: 'closeReportingPeriod',
    type: 'CloseReportingPeriodInput',
    valid: { planId: B, name: 'P1', endsAt: '2019-06-30' },
    texts: ['name'],
    ids: ['planId'],
  },
  {
    mutation: 'registerCommitment',
    type: 'RegisterCommitmentInput',
    valid: { planId: B, axisId: 'a', number: 9, title: 'T', leadOrganisation: 'O' },
    texts: ['title', 'leadOrganisation'],
    ids: ['planId', 'axisId'],
  },
  {
    mutation: 'planActivity',
    type: 'PlanActivityInput',
    valid: { commitmentId: `${B}.1`, title: 'T', weight: 1 },
    texts: ['title'],
    ids: ['commitmentId'],
  },
  {
    mutation: 'setActivityWeight',
    type: 'SetActivityWeightInput',
    valid: { commitmentId: `${B}.1`, activityId: `${B}.1.1`, weight: 2 },
    texts: [],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'reportActivityProgress',
    type: 'ReportActivityProgressInput',
    valid: { commitmentId: `${B}.1`, activityId: `${B}.1.1`, progress: 50 },
    texts: [],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'correctActivityProgress',
    type: 'CorrectActivityProgressInput',
    valid: { commitmentId: `${B}.1`, activityId: `${B}.1.1`, progress: 40, reason: 'typo' },
    texts: ['reason'],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'recordAction',
    type: 'RecordActionInput',
    valid: { commitmentId: `${B}.1`, activityId: `${B}.1.1`, kind: 'DONE', text: 'T' },
    texts: ['text'],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'retractAction',
    type: 'RetractActionInput',
    valid: { commitmentId: `${B}.1`, activityId: `${B}.1.2`, actionId: `${B}.1.2.x1`, reason: 'dup' },
    texts: ['reason'],
    ids: ['commitmentId', 'activityId', 'actionId'],
  },
  {
    mutation: 'logCommunicationAction',
    type: 'LogCommunicationActionInput',
    valid: { commitmentId: `${B}.1`, action: 'radio' },
    texts: ['action'],
    ids: ['commitmentId'],
  },
  {
    mutation: 'recordOutcome',
    type: 'RecordOutcomeInput',
    valid: { commitmentId: `${B}.1`, results: 'R' },
    texts: [],
    ids: ['commitmentId'],
  },
  {
    mutation: 'suspendActivity',
    type: 'ActivityLifecycleInput',
    valid: { commitmentId: `${B}.1`, activityId: `${B}.1.1`, reason: 'r' },
    texts: ['reason'],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'cancelActivity',
    type: 'ActivityLifecycleInput',
    valid: { commitmentId: `${B}.1`, activityId: `${B}.1.1`, reason: 'r' },
    texts: ['reason'],
    ids: ['commitmentId', 'activityId'],
  },
  {
    mutation: 'resumeActivity',
    type: 'ActivityLifecycleInput',
    valid: { commitmentId: `${B}.1`, activityId: `${B}.1.1`, reason: 'r' },
    texts: ['reason'],
    ids: ['commitmentId', 'activityId'],
  },
  { mutation: 'assignLead', type: 'LeadAssignmentInput', valid: { commitmentId: `${B}.1`, userId: 'u' }, texts: [], ids: ['commitmentId'] },
  { mutation: 'revokeLead', type: 'LeadAssignmentInput', valid: { commitmentId: `${B}.1`, userId: 'u' }, texts: [], ids: ['commitmentId'] },
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
    out.push(['an activityId of another plan', { ...m.valid, activityId: String(m.valid.activityId).replace(B, O) }, 'activityId']);
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

describeEachStore('bad input', (target) => {
  beforeAll(async () => {
    app = await createApp(
      loadConfig({ ...(await target.start()), LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: 'bad-input-test-secret-0123456789abcdef' }),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(ProjectionRunner).caughtUp;
    token = await app.get(TokenService).issue({ sub: 'cora', name: 'Cora', roles: ['coordinator'] });
    for (const plan of [B, O]) {
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
          commitmentId: `${B}.1`,
          activityId: `${B}.1.2`,
          kind: 'ADDITIONAL',
          text,
        });
        expect(res.errors).toBeUndefined();
        const read = await app.inject({
          method: 'POST',
          url: '/graphql',
          payload: { query: `{ commitment(id:"${B}.1") { activities { additionalActions { text } } } }` },
        });
        expect(read.json().data.commitment.activities[1].additionalActions.map((a: { text: string }) => a.text)).toContain(text);
      }
    });

    it('has a bad-input list for every mutation in the schema', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query: '{ __schema { mutationType { fields { name } } } }' },
      });
      const names: string[] = res.json().data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
      expect(names.length).toBeGreaterThanOrEqual(17);
      expect(names.filter((n) => !MUTATIONS.some((m) => m.mutation === n))).toEqual([]);
    });

    it('accepts a progress report exactly when it is valid (property-based, fixed seed), and reads back the figure and band it stored', async () => {
      const statuses = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'] as const;
      // The published bands, written out here independently of the domain: 0 | (0,60) | [60,90] | [90,100].
      const contains = (band: (typeof statuses)[number], p: number) =>
        band === 'NOT_STARTED'
          ? p === 0
          : band === 'LIMITED'
            ? p > 0 && p < 60
            : band === 'SUBSTANTIAL'
              ? p >= 60 && p <= 90
              : p >= 90 && p <= 100;
      const derived = (p: number) => (p === 0 ? 'NOT_STARTED' : p < 60 ? 'LIMITED' : p < 90 ? 'SUBSTANTIAL' : 'COMPLETE');
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.double({ min: -50, max: 150, noNaN: true, noDefaultInfinity: true }),
            fc.integer({ min: -10, max: 110 }),
            fc.constantFrom(0, 0.5, 59.99, 60, 89.5, 90, 100, 100.01),
          ),
          fc.option(fc.constantFrom(...statuses), { nil: undefined }),
          fc.option(fc.constantFrom('beta tested', 'portail ouvert', 'تم'), { nil: undefined }),
          async (progress, status, note) => {
            const valid = progress >= 0 && progress <= 100 && (status === undefined || contains(status, progress));
            const before = await head();
            const res = await run('reportActivityProgress', 'ReportActivityProgressInput', {
              commitmentId: `${O}.1`,
              activityId: `${O}.1.1`,
              progress,
              status,
              note,
            });
            const after = await head();
            expect({ progress, status, accepted: res.errors === undefined }).toEqual({ progress, status, accepted: valid });
            if (!valid) {
              expect(res.errors![0].extensions.code).toBe('VALIDATION_FAILED');
              expect(after).toBe(before);
              return;
            }
            expect(after! > before!).toBe(true);
            const read = await app.inject({
              method: 'POST',
              url: '/graphql',
              payload: { query: `{ commitment(id:"${O}.1") { activities { id progress status } } }` },
            });
            const activity = read.json().data.commitment.activities.find((a: { id: string }) => a.id === `${O}.1.1`);
            expect(activity).toEqual({ id: `${O}.1.1`, progress: progress === 0 ? 0 : progress, status: status ?? derived(progress) });
          },
        ),
        { seed: 20261128, numRuns: 150 },
      );
    }, 120_000);
  });
});
