import { mustMutate } from '../support/ledger-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The public pages over HTTP, without a browser: server-rendered HTML that works without
 * JavaScript (real links and GET forms), CSV export, report download, caching, security headers.
 */
describe('public pages (server-rendered)', () => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  beforeAll(async () => (t = await startTestApp({ sample: true })), 90_000);
  afterAll(() => t?.stop());

  it('sends / to the only plan, keeping the language', async () => {
    const res = await get('/?lang=en');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/plan/ma-2018-2020?lang=en');
  });

  it('renders the plan overview in French by default: its rate, activities per band, rates per axis (chart and table), the commitments, "last updated" and the embed code', async () => {
    const res = await get('/plan/ma-2018-2020');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<html lang="fr" dir="ltr">/);
    expect(res.body).toContain('Taux de réalisation global');
    expect(res.body).toMatch(/84\s?%/);
    expect((res.body.match(/<tr id="c-\d+"/g) ?? []).length).toBe(18);
    expect(res.body).toMatch(/Dernière mise à jour : .* \(position \d+ du registre\)/);
    expect(res.body).toContain('<script type="application/json" id="page-state">');
    // Activities per band (the 79 less the cancelled one), the rate per axis as a chart and a table, the embed code.
    const perBand = res.body.match(/<ul class="band-list">[\s\S]*?<\/ul>/)![0];
    expect([...perBand.matchAll(/<span class="count">(\d+)/g)].map((m) => Number(m[1]))).toEqual([6, 5, 8, 59]);
    expect(perBand).toMatch(/<li class="cancelled">1 /);
    expect(res.body).toMatch(/<svg[\s\S]*?<table class="axes">/);
    expect((res.body.match(/<table class="axes">[\s\S]*?<\/table>/)![0].match(/<tr/g) ?? []).length).toBe(1 + 5);
    expect(res.body).toMatch(/id="embed-snippet"[^>]*>&lt;iframe src=&quot;http[^&]*\/embed\/plan\/ma-2018-2020/);
  });

  it('renders Arabic right to left', async () => {
    const res = await get('/plan/ma-2018-2020?lang=ar');
    expect(res.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(res.body).toContain('نسبة الإنجاز الإجمالية');
  });

  it("writes an Arabic commitment page's timeline in Arabic, French texts isolated, nothing marked French", async () => {
    const res = await get('/commitment/ma-2018-2020.7?lang=ar');
    const lines = [...res.body.matchAll(/<span class="summary"[^>]*>([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(lines.length).toBeGreaterThan(0);
    expect(res.body).toMatch(/<span class="summary">/); // no lang="fr" dir="ltr" on the line any more
    for (const line of lines) {
      expect(line).toMatch(/^[\u0600-\u06ff]/);
      expect(line.replace(/\u2068[^\u2069]*\u2069/g, '')).not.toMatch(/[A-Za-z]/); // Latin only inside isolates
    }
  });

  it('filters and sorts the table from GET parameters (no JavaScript needed)', async () => {
    const res = await get('/plan/ma-2018-2020?axis=integrite&sort=rate&dir=desc');
    const rows = [...res.body.matchAll(/<tr id="c-(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThan(18);
    const rates = [...res.body.matchAll(/<tr id="c-\d+"[\s\S]*?<span class="rate-text">(\d+)/g)].map((m) => Number(m[1]));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(res.body).toMatch(/aria-sort="descending"/);
  });

  it('exports the table in view as CSV, neutralising cells that a spreadsheet would run', async () => {
    await mustMutate(t, 'definePlan', { id: 'csv', country: 'X', title: 'Plan', period: '2021' });
    await mustMutate(t, 'addAxis', { planId: 'csv', axisId: 'a', title: 'A' });
    await mustMutate(t, 'registerCommitment', {
      planId: 'csv',
      axisId: 'a',
      number: 1,
      title: '=HYPERLINK("http://evil")',
      leadOrganisation: '+33 org',
    });
    const res = await get('/plan/csv/commitments.csv');
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="csv-commitments.csv"/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('N°,Intitulé,Axe,Organisme responsable,Taux de réalisation (%),Non commencées,Limitées,Importantes,Terminées');
    expect(lines[1]).toBe(`1,"'=HYPERLINK(""http://evil"")",1. A,'+33 org,,0,0,0,0`);
  });

  it('downloads the self-assessment report as HTML and Markdown', async () => {
    const html = await get('/plan/ma-2018-2020/report.html?asOf=2020-12-31');
    expect(html.headers['content-disposition']).toMatch(/ma-2018-2020-self-assessment-fr-2020-12-31\.html/);
    expect(html.body).toContain('<!DOCTYPE html>');
    const md = await get('/plan/ma-2018-2020/report.md?lang=en');
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
  });

  it('answers 304 to a page revalidation until something is written', async () => {
    const first = await get('/plan/ma-2018-2020');
    const again = await get('/plan/ma-2018-2020', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    await mustMutate(t, 'recordOutcome', { commitmentId: 'ma-2018-2020.1', nextSteps: 'suite' });
    expect((await get('/plan/ma-2018-2020', { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(200);
  });

  it('caches anonymous GET queries by log position (ETag), never authenticated ones', async () => {
    const url = `/graphql?query=${encodeURIComponent('{ plans { id } }')}`;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toMatch(/^W\/"\d+"$/);
    expect((await get(url, { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);
    const token = await t.tokenFor('auditor');
    const authed = await get(url, { authorization: `Bearer ${token}` });
    expect(authed.headers.etag).toBeUndefined();
  });

  it('answers automatic persisted queries over GET by hash, cacheable like any GET query', async () => {
    const { createHash } = await import('node:crypto');
    const query = '{ plans { id implementationRate } }';
    const hash = createHash('sha256').update(query).digest('hex');
    const byHash = `/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`;
    expect((await get(byHash)).json().errors[0].message).toMatch(/PersistedQueryNotFound/);
    expect((await get(`${byHash}&query=${encodeURIComponent(query)}`)).statusCode).toBe(200);
    const res = await get(byHash);
    expect(res.json().data.plans.length).toBeGreaterThan(0);
    expect((await get(byHash, { 'if-none-match': String(res.headers.etag) })).statusCode).toBe(304);
  });

  it('lists the plans on / when there are several', async () => {
    const res = await get('/?lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Action plans');
    expect((res.body.match(/class="plan-card"/g) ?? []).length).toBe(2);
  });

  it('sets a Content-Security-Policy without inline scripts; only embeds may be framed', async () => {
    const page = await get('/plan/ma-2018-2020');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.body).not.toMatch(/<script(?![^>]*(type="application\/json"|src=))/);
    const embed = await get('/embed/plan/ma-2018-2020');
    expect(embed.statusCode).toBe(200);
    expect(embed.headers['content-security-policy']).toMatch(/frame-ancestors \*/);
    expect(embed.headers['x-frame-options']).toBeUndefined();
  });

  it('answers 404 with a page for an unknown plan or commitment', async () => {
    const res = await get('/commitment/ma-2018-2020.99');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page introuvable');
  });

  it('renders a commitment as the report reads: its text, each activity ticked in its band with its actions, communication, outcome, rate over time, timeline', async () => {
    const res = await get('/commitment/ma-2018-2020.3?lang=en');
    expect(res.statusCode).toBe(200);
    const headings = [...res.body.matchAll(/<h[234][^>]*>([^<]+)<\/h[234]>/g)].map((m) => m[1]);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Problem addressed',
        'What the commitment consists of',
        'Actions carried out',
        'Actions not carried out',
        'Additional actions',
        'Communication actions',
        'Results',
        'Contribution to solving the problem',
        'Next steps',
        'Implementation rate over time',
        'History of changes',
      ]),
    );
    const activities = (res.body.match(/<article class="activity[^"]*" id="a-\d+"/g) ?? []).length;
    expect(activities).toBeGreaterThan(1);
    expect((res.body.match(/Weight \d/g) ?? []).length).toBe(activities);
    // The report's four bands per activity: the one it falls in ☒, the others ☐.
    expect([(res.body.match(/☒/g) ?? []).length, (res.body.match(/☐/g) ?? []).length]).toEqual([activities, 3 * activities]);
    expect(res.body).toMatch(/<table class="history">[\s\S]*?<td class="num">\d+/);
    expect(res.body).toMatch(/<ol class="timeline"><li/);
    expect(res.body).toMatch(/Last updated: .* \(ledger position \d+\)/);
    expect(res.body).toMatch(/<textarea[^>]*id="embed-snippet"[^>]*>&lt;iframe src=&quot;http[^&]*\/embed\/commitment\/ma-2018-2020\.3/);
  });

  it('renders a commitment as effective on a date, with a banner that says it is not live', async () => {
    const res = await get('/commitment/ma-2018-2020.7?asOf=2019-06-30&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Situation on 30 June 2019');
    expect(res.body).toContain('it is not updated live');
  });
});
