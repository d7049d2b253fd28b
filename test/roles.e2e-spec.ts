import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { TokenService, loadConfig, ProjectionRunner } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';
import { describeEachStore, RUN_SUFFIX } from './support/store-targets';

type Who = 'anonymous' | 'auditor' | 'lead (not assigned)' | 'lead (assigned)' | 'coordinator';
type Outcome = 'written' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** Each case prepares its own fresh target (as coordinator) and returns the mutation to try. */
interface Case {
  mutation: string;
  leadMay: boolean;
  prepare(n: number): Promise<string>;
}

/** This run's plan id (unique on a real server, which keeps earlier runs). */
const R = `roles${RUN_SUFFIX}`;

let app: NestFastifyApplication;
const tokens: Partial<Record<Who, string>> = {};
let seq = 0;

async function gql(query: string, token?: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: { query },
  });
  return res.json() as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions: { code: string } }> };
}

async function asCoordinator(query: string): Promise<void> {
  const res = await gql(query, tokens.coordinator);
  if (res.errors) throw new Error(`setup failed: ${res.errors[0].message} in ${query}`);
}

/** A commitment with two activities (one with a figure and an action), assigned to the lead "lena". */
async function commitment(n: number): Promise<string> {
  await asCoordinator(
    `mutation { registerCommitment(input:{planId:"${R}", axisId:"a", number:${n}, title:"C${n}", leadOrganisation:"DRA"}) { version } }`,
  );
  const id = `${R}.${n}`;
  await asCoordinator(`mutation { planActivity(input:{commitmentId:"${id}", title:"A1", weight:1}) { version } }`);
  await asCoordinator(`mutation { planActivity(input:{commitmentId:"${id}", title:"A2", weight:1}) { version } }`);
  await asCoordinator(`mutation { recordAction(input:{commitmentId:"${id}", activityId:"${id}.1", kind:DONE, text:"x"}) { version } }`);
  // A correction needs a figure to correct (ADR 0007).
  await asCoordinator(`mutation { reportActivityProgress(input:{commitmentId:"${id}", activityId:"${id}.1", progress:20}) { version } }`);
  await asCoordinator(`mutation { suspendActivity(input:{commitmentId:"${id}", activityId:"${id}.2", reason:"r"}) { version } }`);
  await asCoordinator(`mutation { assignLead(input:{commitmentId:"${id}", userId:"lena"}) { version } }`);
  return id;
}

const onActivity = (id: string) => `commitmentId:"${id}", activityId:"${id}.1"`;

const CASES: Case[] = [
  {
    mutation: 'definePlan',
    leadMay: false,
    prepare: async (n) => `definePlan(input:{id:"p-${n}${RUN_SUFFIX}", country:"X", title:"T", period:"P"})`,
  },
  { mutation: 'addAxis', leadMay: false, prepare: async (n) => `addAxis(input:{planId:"${R}", axisId:"x-${n}", title:"X"})` },
  {
    mutation: 'closeReportingPeriod',
    leadMay: false,
    prepare: async (n) => `closeReportingPeriod(input:{planId:"${R}", name:"P${n}", endsAt:"${2000 + n}-01-01"})`,
  },
  {
    mutation: 'registerCommitment',
    leadMay: false,
    prepare: async (n) => `registerCommitment(input:{planId:"${R}", axisId:"a", number:${n}, title:"C", leadOrganisation:"O"})`,
  },
  {
    mutation: 'planActivity',
    leadMay: false,
    prepare: async (n) => `planActivity(input:{commitmentId:"${await commitment(n)}", title:"A3", weight:2})`,
  },
  {
    mutation: 'setActivityWeight',
    leadMay: false,
    prepare: async (n) => `setActivityWeight(input:{${onActivity(await commitment(n))}, weight:3})`,
  },
  {
    mutation: 'reportActivityProgress',
    leadMay: true,
    prepare: async (n) => `reportActivityProgress(input:{${onActivity(await commitment(n))}, progress:40})`,
  },
  {
    mutation: 'correctActivityProgress',
    leadMay: true,
    prepare: async (n) => `correctActivityProgress(input:{${onActivity(await commitment(n))}, progress:10, reason:"typo"})`,
  },
  {
    mutation: 'recordAction',
    leadMay: true,
    prepare: async (n) => `recordAction(input:{${onActivity(await commitment(n))}, kind:NOT_DONE, text:"y", reason:"z"})`,
  },
  {
    mutation: 'retractAction',
    leadMay: true,
    prepare: async (n) => {
      const id = await commitment(n);
      return `retractAction(input:{${onActivity(id)}, actionId:"${id}.1.x1", reason:"dup"})`;
    },
  },
  {
    mutation: 'logCommunicationAction',
    leadMay: true,
    prepare: async (n) => `logCommunicationAction(input:{commitmentId:"${await commitment(n)}", action:"radio", date:"Mars 2019"})`,
  },
  {
    mutation: 'recordOutcome',
    leadMay: true,
    prepare: async (n) => `recordOutcome(input:{commitmentId:"${await commitment(n)}", results:"r"})`,
  },
  {
    mutation: 'suspendActivity',
    leadMay: false,
    prepare: async (n) => `suspendActivity(input:{${onActivity(await commitment(n))}, reason:"r"})`,
  },
  {
    mutation: 'resumeActivity',
    leadMay: false,
    prepare: async (n) => {
      const id = await commitment(n);
      return `resumeActivity(input:{commitmentId:"${id}", activityId:"${id}.2", reason:"r"})`;
    },
  },
  {
    mutation: 'cancelActivity',
    leadMay: false,
    prepare: async (n) => `cancelActivity(input:{${onActivity(await commitment(n))}, reason:"r"})`,
  },
  {
    mutation: 'assignLead',
    leadMay: false,
    prepare: async (n) => `assignLead(input:{commitmentId:"${await commitment(n)}", userId:"other"})`,
  },
  {
    mutation: 'revokeLead',
    leadMay: false,
    prepare: async (n) => `revokeLead(input:{commitmentId:"${await commitment(n)}", userId:"lena"})`,
  },
];

function expected(who: Who, c: Case): Outcome {
  if (who === 'anonymous') return 'UNAUTHENTICATED';
  if (who === 'coordinator') return 'written';
  if (who === 'lead (assigned)' && c.leadMay) return 'written';
  return 'FORBIDDEN';
}

const WHO: Who[] = ['anonymous', 'auditor', 'lead (not assigned)', 'lead (assigned)', 'coordinator'];

describeEachStore('roles', (target) => {
  beforeAll(async () => {
    app = await createApp(
      loadConfig({ ...(await target.start()), LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: 'roles-test-secret-0123456789abcdefghij' }),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(ProjectionRunner).caughtUp;
    const issue = app.get(TokenService);
    tokens.coordinator = await issue.issue({ sub: 'cora', name: 'Cora', roles: ['coordinator'] });
    tokens.auditor = await issue.issue({ sub: 'audrey', name: 'Audrey', roles: ['auditor'] });
    tokens['lead (assigned)'] = await issue.issue({ sub: 'lena', name: 'Lena', roles: ['lead'] });
    tokens['lead (not assigned)'] = await issue.issue({ sub: 'leo', name: 'Leo', roles: ['lead'] });
    await asCoordinator(`mutation { definePlan(input:{id:"${R}", country:"X", title:"Roles", period:"2018-2020"}) { version } }`);
    await asCoordinator(`mutation { addAxis(input:{planId:"${R}", axisId:"a", title:"A"}) { version } }`);
  }, 30_000);

  afterAll(async () => {
    await app.close();
    await target.stop();
  });

  describe('who may run which mutation (role × mutation)', () => {
    it('has a case for every mutation in the schema', async () => {
      const res = await gql('{ __schema { mutationType { fields { name } } } }');
      const names = (res.data?.__schema as { mutationType: { fields: Array<{ name: string }> } }).mutationType.fields.map((f) => f.name);
      expect(names.length).toBeGreaterThanOrEqual(17);
      expect(names.filter((n) => !CASES.some((c) => c.mutation === n))).toEqual([]);
    });

    for (const c of CASES) {
      for (const who of WHO) {
        const outcome = expected(who, c);
        it(`${c.mutation} by ${who}: ${outcome === 'written' ? 'allowed, event written' : `${outcome}, nothing written`}`, async () => {
          const call = await c.prepare(++seq + 100);
          const store = app.get<EventStore>(EVENT_STORE);
          const before = await store.headPosition();
          const res = await gql(`mutation { ${call} { version } }`, tokens[who]);
          const after = await store.headPosition();
          if (outcome === 'written') {
            expect(res.errors).toBeUndefined();
            expect(after! > before!).toBe(true);
          } else {
            expect(res.errors?.[0].extensions.code).toBe(outcome);
            expect(after).toBe(before);
          }
        });
      }
    }

    it('records who wrote and under which role in the event metadata', async () => {
      const id = await commitment(999);
      await gql(`mutation { reportActivityProgress(input:{${onActivity(id)}, progress:55}) { version } }`, tokens['lead (assigned)']);
      const last = [];
      for await (const e of app
        .get<EventStore>(EVENT_STORE)
        .readStream(`commitment-${id}`, { direction: 'backwards', fromRevision: 'end', maxCount: 1 }))
        last.push(e);
      expect(last[0].metadata).toMatchObject({ actor: 'lena', role: 'lead' });
    });

    it('stops a revoked lead at once', async () => {
      const id = await commitment(998);
      await asCoordinator(`mutation { revokeLead(input:{commitmentId:"${id}", userId:"lena"}) { version } }`);
      const res = await gql(
        `mutation { reportActivityProgress(input:{${onActivity(id)}, progress:55}) { version } }`,
        tokens['lead (assigned)'],
      );
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it('refuses an expired token, a token signed with another secret and a malformed header', async () => {
      const expired = await app.get(TokenService).issue({ sub: 'cora', name: 'Cora', roles: ['coordinator'] }, -10);
      for (const header of [`Bearer ${expired}`, 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', 'Basic abc']) {
        const res = await app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { authorization: header },
          payload: { query: `mutation { addAxis(input:{planId:"${R}", axisId:"zz", title:"Z"}) { version } }` },
        });
        expect(res.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    });
  });
});
