import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenService, type Clock, loadConfig, type LedgerConfig } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';

/** Boots the real app. */
async function bootApp(config: LedgerConfig, clock: Clock): Promise<NestFastifyApplication> {
  return createApp(config, clock);
}

/** A GraphQL input literal (inline, see `write`); enum fields bare. */
function literal(value: unknown, key = ''): string {
  if (typeof value !== 'object' || value === null) return key === 'kind' ? String(value) : JSON.stringify(value);
  const fields = Object.entries(value).map(([k, v]) => `${k}: ${literal(v, k)}`);
  return `{ ${fields.join(', ')} }`;
}
/** The commitment and activity ids of an activity. */
const act = (activityId: string) => ({ commitmentId: activityId.slice(0, activityId.lastIndexOf('.')), activityId });

type Entry = Record<string, unknown> & { type: string; position: string; summary: string; metadata: Record<string, unknown> | null };
type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: Entry }[];
};
type Gql = { data?: { auditTrail: Page } | null; errors?: { message: string; extensions: { code: string } }[] };

describe('auditTrail (e2e)', () => {
  let app: NestFastifyApplication;
  let dataDir: string;
  let now = new Date('2021-03-01T09:00:00.000Z');
  const tokens: Record<'amina' | 'bob' | 'audrey', string> = { amina: '', bob: '', audrey: '' };

  const gql = async (query: string, token?: string): Promise<Gql> => {
    const headers = token ? { authorization: `Bearer ${token}` } : {};
    const res = await app.inject({ method: 'POST', url: '/graphql', headers, payload: { query } });
    return res.json() as Gql;
  };
  // Inline literals, not variables: hardening.ts's complexity rule is built with `variables: {}`
  // and so refuses any operation with a required variable (reported separately).
  const write = async (mutation: string, input: Record<string, unknown>, as: 'amina' | 'bob' = 'amina') => {
    const res = await gql(`mutation { ${mutation}(input: ${literal(input)}) { position } }`, tokens[as]);
    if (res.errors) throw new Error(`${mutation}: ${JSON.stringify(res.errors)}`);
  };
  const ENTRY = 'position stream revision type schemaVersion data summary en: summary(lang: "en")';
  const trail = async (args: string, token?: string, fields = ENTRY): Promise<Page> => {
    const query = `{ auditTrail${args} { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${fields} } } } }`;
    const res = await gql(query, token);
    if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.auditTrail;
  };
  const typesOf = (page: Page) => page.edges.map((e) => e.node.type);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-audit-'));
    const secret = 'audit-e2e-secret-of-at-least-32-characters';
    const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_SAMPLE: 'off', LEDGER_LOG: 'silent', LEDGER_JWT_SECRET: secret });
    app = await bootApp(config, () => new Date(now));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const issuer = app.get(TokenService);
    tokens.amina = await issuer.issue({ sub: 'amina', name: 'Amina', roles: ['coordinator'] });
    tokens.bob = await issuer.issue({ sub: 'bob', name: 'Bob', roles: ['coordinator'] });
    tokens.audrey = await issuer.issue({ sub: 'audrey', name: 'Audrey', roles: ['auditor'] });

    await write('definePlan', { id: 'tp-2020', country: 'Testland', title: 'Plan test', period: '2020-2022' });
    await write('addAxis', { planId: 'tp-2020', axisId: 'transparence', title: 'Transparence' });
    for (const number of [1, 2]) {
      await write('registerCommitment', { planId: 'tp-2020', axisId: 'transparence', number, title: `E${number}`, leadOrganisation: 'F' });
    }
    await write('planActivity', { commitmentId: 'tp-2020.1', title: 'Publier', weight: 1 });
    await write('planActivity', { commitmentId: 'tp-2020.1', title: 'Former', weight: 1 });
    await write('planActivity', { commitmentId: 'tp-2020.2', title: 'Consulter', weight: 1 });
    now = new Date('2021-03-02T09:00:00.000Z');
    await write('reportActivityProgress', { ...act('tp-2020.1.1'), progress: 60, effectiveAt: '2020-06-30' });
    await write('reportActivityProgress', { ...act('tp-2020.1.1'), progress: 90, effectiveAt: '2020-12-31' });
    now = new Date('2021-03-04T09:00:00.000Z');
    await write('correctActivityProgress', { ...act('tp-2020.1.1'), progress: 75, reason: 'double saisie' }, 'bob');
    await write('setActivityWeight', { ...act('tp-2020.1.2'), weight: 3 }, 'bob');
    now = new Date('2021-03-05T09:00:00.000Z');
    const text = 'Atelier de formation tenu avec les agents des trois directions régionales et la société civile';
    await write('recordAction', { ...act('tp-2020.1.2'), kind: 'DONE', text });
    await write('suspendActivity', { ...act('tp-2020.2.1'), reason: 'budget gelé' });
    await write('assignLead', { commitmentId: 'tp-2020.2', userId: 'lina' });
    // A plan whose id starts like the first one: must never leak into a tp-2020 filter.
    await write('definePlan', { id: 'tp-2020-bis', country: 'Testland', title: 'Autre plan', period: '2020-2022' });
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ALL = [
    ...['PlanDefined', 'AxisAdded', 'CommitmentRegistered', 'CommitmentRegistered', 'ActivityPlanned', 'ActivityPlanned'],
    ...['ActivityPlanned', 'ActivityProgressReported', 'ActivityProgressReported', 'ActivityProgressCorrected', 'ActivityWeightSet'],
    ...['ActionRecorded', 'ActivitySuspended', 'LeadAssigned', 'PlanDefined'],
  ];

  it('lists every event in log order with its position, stream, revision, type, schema version and payload', async () => {
    const page = await trail('(first: 100)');
    expect(typesOf(page)).toEqual(ALL);
    expect(page.totalCount).toBe(15);
    const positions = page.edges.map((e) => BigInt(e.node.position));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
    expect(page.edges.map((e) => e.cursor)).toEqual(page.edges.map((e) => e.node.position));
    expect(page.edges[0].node).toMatchObject({
      stream: 'plan-tp-2020',
      revision: 0,
      schemaVersion: 1,
      data: { planId: 'tp-2020', country: 'Testland', title: 'Plan test', period: '2020-2022' },
    });
    expect(page.edges[1].node).toMatchObject({ stream: 'plan-tp-2020', revision: 1, data: { axisId: 'transparence' } });
    expect(page.edges[12].node).toMatchObject({
      stream: 'commitment-tp-2020.2',
      revision: 2,
      data: { activityId: 'tp-2020.2.1', reason: 'budget gelé' },
    });
  });

  it('summarises each event in French by default and in English on request', async () => {
    const { edges } = await trail('(filter: { types: ["ActivityProgressReported", "ActionRecorded", "ActivitySuspended"] })');
    expect(edges.map((e) => e.node.summary)).toEqual([
      "Progression de l'activité 1.1 : 0 % → 60 %",
      "Progression de l'activité 1.1 : 60 % → 90 %",
      "Action réalisée ajoutée à l'activité 1.2 : « Atelier de formation tenu avec les agents des trois directions régionales et la… »",
      'Activité 2.1 suspendue : budget gelé',
    ]);
    expect(edges[1].node.en).toBe('Progress of activity 1.1: 60% → 90%');
  });

  it("shows a correction's old value, new value and reason in its summary", async () => {
    const { edges } = await trail('(filter: { types: ["ActivityProgressCorrected"] })');
    expect(edges.map((e) => [e.node.summary, e.node.en])).toEqual([
      [
        "Correction de la progression de l'activité 1.1 : 90 % → 75 % (motif : double saisie)",
        'Correction of progress of activity 1.1: 90% → 75% (reason: double saisie)',
      ],
    ]);
  });

  it('summarises in Arabic on request, ids and French texts set apart in Unicode isolates', async () => {
    const { edges } = await trail(
      '(filter: { types: ["ActivityProgressCorrected", "ActivitySuspended", "LeadAssigned"] })',
      undefined,
      'ar: summary(lang: "ar")',
    );
    const i = (text: string) => `\u2068${text}\u2069`;
    expect(edges.map((e) => e.node.ar)).toEqual([
      `تصحيح نسبة تقدم النشاط ${i('1.1')}: ${i('90\u200e%\u200e')} ← ${i('75\u200e%\u200e')} (السبب: «${i('double saisie')}»)`,
      `عُلِّق النشاط ${i('2.1')}: «${i('budget gelé')}»`,
      `عُيِّن مسؤول عن الالتزام ${i('2')}`, // who, hidden from anonymous callers
    ]);
  });

  it("narrows to a plan's events without those of a plan whose id starts the same", async () => {
    const page = await trail('(filter: { planId: "tp-2020" }, first: 100)');
    expect(typesOf(page)).toEqual(ALL.slice(0, 14));
    expect(page.totalCount).toBe(14);
  });

  it('narrows to one commitment, including who was made its lead', async () => {
    const page = await trail('(filter: { commitmentId: "tp-2020.2" })', tokens.audrey);
    expect(typesOf(page)).toEqual(['CommitmentRegistered', 'ActivityPlanned', 'ActivitySuspended', 'LeadAssigned']);
    expect(page.edges[3].node).toMatchObject({ stream: 'access-tp-2020', en: 'lina assigned as lead of commitment 2' });
  });

  it('narrows to one activity', async () => {
    const page = await trail('(filter: { activityId: "tp-2020.1.1" })');
    expect(typesOf(page)).toEqual(['ActivityPlanned', 'ActivityProgressReported', 'ActivityProgressReported', 'ActivityProgressCorrected']);
  });

  it('narrows to the given types', async () => {
    expect(typesOf(await trail('(filter: { types: ["ActivityWeightSet", "AxisAdded"] })'))).toEqual(['AxisAdded', 'ActivityWeightSet']);
  });

  it('narrows to an effective date range (a correction is effective when the figure it corrects was)', async () => {
    const page = await trail('(filter: { effectiveFrom: "2020-12-01T00:00:00Z", effectiveTo: "2020-12-31T23:59:59Z" })');
    expect(page.edges.map((e) => e.node.summary)).toEqual([
      "Progression de l'activité 1.1 : 60 % → 90 %",
      "Correction de la progression de l'activité 1.1 : 90 % → 75 % (motif : double saisie)",
    ]);
  });

  it('narrows to what one actor wrote, and to a recorded date range (auditors: metadata filters are not public)', async () => {
    expect(typesOf(await trail('(filter: { actor: "bob" })', tokens.audrey))).toEqual(['ActivityProgressCorrected', 'ActivityWeightSet']);
    const recorded = await trail('(filter: { recordedFrom: "2021-03-02T00:00:00Z", recordedTo: "2021-03-04T23:59:59Z" })', tokens.audrey);
    expect(typesOf(recorded)).toEqual(ALL.slice(7, 11));
  });

  it('pages with first and after, strictly after the cursor, to the end', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    do {
      const page = await trail(`(first: 5${after ? `, after: "${after}"` : ''})`);
      expect(page.totalCount).toBe(15);
      seen.push(...typesOf(page));
      pages.push(page.pageInfo.hasNextPage);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      after = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
    } while (after);
    expect(pages).toEqual([true, true, false]);
    expect(seen).toEqual(ALL);
  });

  it('pages backwards with last and before, from the newest entries to the oldest, each page oldest first', async () => {
    const pages: string[][] = [];
    const previous: boolean[] = [];
    let before: string | null = null;
    for (;;) {
      const page = await trail(`(last: 6${before ? `, before: "${before}"` : ''})`);
      pages.unshift(typesOf(page));
      previous.push(page.pageInfo.hasPreviousPage);
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      before = page.pageInfo.startCursor;
      if (!page.pageInfo.hasPreviousPage) break;
    }
    expect(previous).toEqual([true, true, false]);
    expect(pages.map((p) => p.length)).toEqual([3, 6, 6]);
    expect(pages.flat()).toEqual(ALL);
  });

  it('pages backwards within a filter, and forwards again from where it stopped', async () => {
    const newest = await trail('(filter: { planId: "tp-2020" }, last: 2)');
    expect(typesOf(newest)).toEqual(['ActivitySuspended', 'LeadAssigned']);
    const older = await trail(`(filter: { planId: "tp-2020" }, last: 3, before: "${newest.pageInfo.startCursor}")`);
    expect(typesOf(older)).toEqual(['ActivityProgressCorrected', 'ActivityWeightSet', 'ActionRecorded']);
    expect(older.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const back = await trail(`(filter: { planId: "tp-2020" }, first: 5, after: "${older.pageInfo.endCursor}")`);
    expect(typesOf(back)).toEqual(['ActivitySuspended', 'LeadAssigned']);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  it('hides who and when from anonymous callers', async () => {
    const page = await trail('(first: 1)', undefined, 'metadata { actor }');
    expect(page.edges[0].node.metadata).toBeNull();
  });

  it("hides a lead's identity from anonymous callers, in the data and in the summary", async () => {
    const page = await trail('(filter: { types: ["LeadAssigned"] })', undefined, 'data summary');
    expect(page.edges).toHaveLength(1);
    expect(JSON.stringify(page.edges[0].node)).not.toContain('lina');
    const seen = await trail('(filter: { types: ["LeadAssigned"] })', tokens.audrey, 'data summary');
    expect(JSON.stringify(seen.edges[0].node)).toContain('lina');
  });

  it('shows who and when to auditors', async () => {
    const fields = 'type metadata { actor role commandId correlationId causationId recordedAt effectiveAt hash prevHash streamPrevHash }';
    const page = await trail('(filter: { types: ["ActivityProgressCorrected"] })', tokens.audrey, fields);
    expect(page.edges[0].node.metadata).toMatchObject({
      actor: 'bob',
      role: 'coordinator',
      recordedAt: '2021-03-04T09:00:00.000Z',
      effectiveAt: '2020-12-31T00:00:00.000Z',
    });
    expect(page.edges[0].node.metadata?.commandId).toEqual(expect.any(String));
    // The hash link: this event's hash and the two it is chained to (log and stream).
    for (const key of ['hash', 'prevHash', 'streamPrevHash']) expect(page.edges[0].node.metadata?.[key]).toMatch(/^[0-9a-f]{64}$/);
    const previous = await trail(`(last: 1, before: "${page.edges[0].cursor}")`, tokens.audrey, 'metadata { hash }');
    expect(page.edges[0].node.metadata?.prevHash).toBe(previous.edges[0].node.metadata?.hash);
  });

  it.each([
    ['a page larger than 500', '(first: 501)', 'first must be an integer between 0 and 500'],
    ['a negative page size', '(first: -1)', 'first must be an integer between 0 and 500'],
    ['a cursor that is not a position', '(after: "abc")', 'after must be a cursor'],
    ['a backwards cursor that is not a position', '(before: "x1")', 'before must be a cursor'],
    ['both directions at once', '(first: 5, last: 5)', 'page one way at a time'],
    ['a backwards page larger than 500', '(last: 501)', 'last must be an integer between 0 and 500'],
    ['an unknown event type', '(filter: { types: ["Nope"] })', 'types must only contain known event types'],
    ['a plan id that is not a slug', '(filter: { planId: "Not A Slug" })', 'planId must be a lower-case slug'],
    [
      'a backward date range',
      '(filter: { effectiveFrom: "2021-01-01T00:00:00Z", effectiveTo: "2020-01-01T00:00:00Z" })',
      'filter.effectiveFrom',
    ],
  ])('refuses %s with VALIDATION_FAILED', async (_what, args, message) => {
    const res = await gql(`{ auditTrail${args} { totalCount } }`);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ message: expect.stringContaining(message), extensions: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses a summary language it does not speak', async () => {
    const res = await gql('{ auditTrail(first: 1) { edges { node { summary(lang: "de") } } } }');
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'VALIDATION_FAILED' },
      message: 'lang must be one of fr, en, ar, got "de"',
    });
  });
});
