import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';
import { mustMutate } from '../support/ledger-fixtures';
import { settled, startWorkspaceSuite, type WorkspaceSuite } from '../support/workspace-browser';

/**
 * An auditor's day in a real browser: filters the audit trail, pages back and forth, opens an
 * event (its data, metadata and hash link), exports the filtered view as flat CSV, verifies the
 * ledger, and compares a plan as known on a past day with the same plan as known now. The ledger's
 * clock is set (the sample recorded in January 2022, a late report in June) so "as known at" has
 * a past to show. axe finds nothing on these pages.
 */
const PLAN = 'ma-2018-2020';
let now = new Date('2022-01-10T09:00:00.000Z');
const OIDC_LEAD = 'oidc|keycloak.gov.example.ma|realms|ogp|8f14e45f-ceea-467e-a1d8-4d5c6e7f8a9b';

describeInBrowser('the audit workspace in a browser', () => {
  let s: WorkspaceSuite;
  let page: Page;

  beforeAll(async () => {
    s = await startWorkspaceSuite({ sample: true, clock: () => new Date(now) });
    now = new Date('2022-06-01T09:00:00.000Z');
    await mustMutate(s.t, 'assignLead', { commitmentId: `${PLAN}.13`, userId: 'amina' });
    const lead = { token: await s.t.tokenFor('lead', 'amina') };
    // A late report: recorded in June 2022, effective at the end of 2020.
    const late = await s.t.gql(
      `mutation { reportActivityProgress(input: { commitmentId: "${PLAN}.13", activityId: "${PLAN}.13.2", progress: 40, effectiveAt: "2020-12-31" }) { version } }`,
      undefined,
      lead,
    );
    expect(late.errors).toBeUndefined();
    // A lead signed in through an identity provider: a long id full of separators a line could break at.
    await mustMutate(s.t, 'assignLead', { commitmentId: `${PLAN}.12`, userId: OIDC_LEAD });
    const oidcLead = { token: await s.t.tokenFor('lead', OIDC_LEAD) };
    const report = `mutation { reportActivityProgress(input: { commitmentId: "${PLAN}.12", activityId: "${PLAN}.12.2", progress: 40, effectiveAt: "2020-12-31" }) { version } }`;
    expect((await s.t.gql(report, undefined, oidcLead)).errors).toBeUndefined();
    page = await s.open('/workspace/audit?lang=en');
    await s.signIn(page, 'audrey', 'auditor', 'Audrey');
    await settled(page);
  }, 180_000);
  afterAll(() => s?.stop(), 60_000);

  const positions = () => page.locator('table.trail tbody th a').allTextContents();

  it('an auditor sees the newest events first page, filters by actor and type, and pages back and forth', async () => {
    expect(await page.locator('table.trail caption').textContent()).toMatch(/Events \d+ to \d+/);
    await page.fill('#f-actor', 'amina');
    await page.click('.audit-filters button[type="submit"]');
    await page.waitForURL(/actor=amina/);
    await settled(page);
    expect(await page.locator('table.trail tbody tr').count()).toBe(1);
    expect(await page.locator('table.trail tbody tr').textContent()).toContain('ActivityProgressReported');

    await page.click('a:has-text("Reset")');
    await page.waitForURL(/\/workspace\/audit\?lang=en$/);
    await page.selectOption('#f-plan', PLAN);
    await page.click('.types summary');
    await page.check('input[name="types"][value="ActivityProgressReported"]');
    await page.click('.audit-filters button[type="submit"]');
    await page.waitForURL(/types=ActivityProgressReported/);
    await settled(page);
    const newest = await positions();
    expect(newest.length).toBe(50);
    expect(await page.locator('table.trail tbody tr', { hasNotText: 'ActivityProgressReported' }).count()).toBe(0);

    await page.locator('nav.paging a', { hasText: 'Older events' }).first().click();
    await page.waitForURL(/before=/);
    await settled(page);
    const older = await positions();
    expect(Number(older.at(-1))).toBeLessThan(Number(newest[0]));
    await page.locator('nav.paging a', { hasText: 'Newer events' }).first().click();
    await page.waitForURL(/after=/);
    await settled(page);
    expect((await positions())[0]).toBe(newest[0]);
  }, 60_000);

  it('exports the filtered view as flat CSV, one column per field', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export this view (CSV)")')]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split('\r\n');
    const columns = header.split(',');
    expect(columns).toEqual(
      expect.arrayContaining(['position', 'type', 'metadata.actor', 'metadata.hash', 'data.activityId', 'data.progress']),
    );
    expect(rows.length).toBeGreaterThan(50);
    const type = columns.indexOf('type');
    expect(rows.every((r) => r.split(',')[type] === 'ActivityProgressReported')).toBe(true);
    expect(csv).not.toMatch(/[{}]/);
    await page.waitForSelector(`.export [role="status"]:has-text("${rows.length} events exported")`);
  }, 60_000);

  it('opens an event: its data field by field, who and when, and its link in the hash chain', async () => {
    const first = page.locator('table.trail tbody th a').first();
    const position = await first.textContent();
    await first.click();
    await page.waitForURL(new RegExp(`/workspace/audit/event/${position}`));
    await settled(page);
    expect(await page.locator('h1').textContent()).toBe(`Event ${position}`);
    expect(await page.locator('dl.data').textContent()).toMatch(/progress/);
    expect(await page.locator('dl.hashes').textContent()).toMatch(/[0-9a-f]{64}/);
    // The previous event's hash is the one this event is chained to.
    await page.waitForSelector('dl.hashes dd:has-text("✓")');
    await page.click('a[rel="prev"]');
    await page.waitForURL(new RegExp(`/workspace/audit/event/${Number(position) - 1}`));
  }, 60_000);

  it('verifies the ledger: head, events checked; a wrong expected head is reported', async () => {
    await page.click('nav.ws-nav a:has-text("Audit trail")');
    await page.goto(`${s.base}/workspace/audit/verify?lang=en`);
    await settled(page);
    await page.click('button:has-text("Verify now")');
    await page.waitForSelector('.verification.ok');
    const count = Number((await s.t.headPosition())!);
    expect(await page.locator('.verification h2').textContent()).toBe(
      `The chain checks out: ${count.toLocaleString('en-GB')} events checked.`,
    );
    const head = await page.locator('.verification dd code').first().textContent();
    expect(head).toMatch(new RegExp(`^${count}:[0-9a-f]{64}$`));
    await page.fill('#verify-head', `${count}:${'0'.repeat(64)}`);
    await page.click('button:has-text("Verify now")');
    await page.waitForSelector('.verification.broken');
  }, 60_000);

  it('compares a plan as known on a past day with the same plan as known now, and shows what differs', async () => {
    await page.goto(`${s.base}/workspace/audit/compare?lang=en`);
    await settled(page);
    await page.fill('#c-id', `${PLAN}.13`);
    await page.fill('#c-effective', '2020-12-31');
    await page.fill('#c-known', '2022-03-01');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/known=2022-03-01/);
    const changed = page.locator('table.compare tbody tr.differs');
    await changed.first().waitFor();
    expect(await changed.allTextContents()).toEqual([expect.stringMatching(/differs/), expect.stringMatching(/^2\..*0%.*40%/)]);
  }, 60_000);

  it('an auditor reading in Arabic sees the trail and an event in Arabic, right to left, ids and French texts isolated', async () => {
    await page.goto(`${s.base}/workspace/audit?lang=ar&plan=${PLAN}&types=ActivityProgressReported`);
    await settled(page);
    const summary = page.locator('table.trail tbody tr td:last-child').first();
    const figure = '\u2068\\d+(,\\d+)?\u200e%\u200e\u2069';
    expect(await summary.textContent()).toMatch(new RegExp(`^نسبة تقدم النشاط \u2068\\d+\\.\\d+\u2069: ${figure} ← ${figure}$`));
    // Read right to left: the old figure (first in the text) is drawn to the right of the new one
    // (measured on one line: a wrap would put each figure on its own line, in either order).
    const [before, after] = await summary.evaluate((el) => {
      const node = el.firstChild as Text;
      (el as HTMLElement).style.whiteSpace = 'nowrap';
      const left = (i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect().left;
      };
      const lefts = [left(node.data.indexOf('%')), left(node.data.lastIndexOf('%'))];
      (el as HTMLElement).style.whiteSpace = '';
      return lefts;
    });
    expect(before).toBeGreaterThan(after);
    expect(await summary.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.locator('table.trail [lang="fr"]').count()).toBe(0);

    await page.locator('table.trail tbody th a').first().click();
    await page.waitForURL(/\/workspace\/audit\/event\/\d+/);
    await settled(page);
    const line = page.locator('main h1 + p');
    expect(await line.textContent()).toMatch(/^نسبة تقدم النشاط /);
    expect(await line.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  }, 60_000);

  it('in Arabic, an actor id never breaks inside (lead:…, oidc|…): one line each, a long one shortened with the whole id in its title', async () => {
    await page.goto(`${s.base}/workspace/audit?lang=ar&plan=${PLAN}&types=ActivityProgressReported`);
    await settled(page);
    const actors = await page.locator('table.trail tbody td:nth-child(5) bdi').evaluateAll((els) =>
      els.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        // One distinct top per line the id's text is laid out on.
        const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
        return { id: el.textContent, title: el.getAttribute('title'), lines, shortened: el.scrollWidth > el.clientWidth };
      }),
    );
    expect(actors.map((a) => a.id)).toEqual(expect.arrayContaining(['amina', OIDC_LEAD]));
    expect(actors.filter((a) => a.lines !== 1)).toEqual([]);
    expect(actors.find((a) => a.id === OIDC_LEAD)).toEqual({ id: OIDC_LEAD, title: OIDC_LEAD, lines: 1, shortened: true });
    expect(actors.find((a) => a.id === 'amina')).toMatchObject({ title: 'amina', shortened: false });
  }, 60_000);

  it('nothing an auditor may not do is offered, and the server refuses it when sent anyway', async () => {
    await page.goto(`${s.base}/workspace/coordinator/plan/${PLAN}?lang=en`);
    await settled(page);
    await page.waitForSelector('h1:has-text("Not available for your role")');
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.locator('nav.ws-nav a').allTextContents()).toEqual(['Audit trail']);
    const token = await s.t.tokenFor('auditor', 'audrey');
    const head = await s.t.headPosition();
    const res = await s.t.gql(`mutation { addAxis(input: { planId: "${PLAN}", title: "X" }) { version } }`, undefined, { token });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await s.t.headPosition()).toBe(head);
  }, 60_000);

  it('axe finds nothing on the audit pages; screenshots in French, English and Arabic, desktop and phone', async () => {
    const found = await s.tour(
      [
        ['audit-trail', `/workspace/audit?plan=${PLAN}`],
        ['audit-event', '/workspace/audit/event/42'],
        ['audit-verify', '/workspace/audit/verify'],
        ['audit-compare', `/workspace/audit/compare?id=${PLAN}&effective=2020-12-31&known=2022-03-01`],
        ['home', '/workspace'],
      ],
      { sub: 'audrey', role: 'auditor', name: 'Audrey' },
    );
    expect(found).toEqual({});
  }, 240_000);

  it('no page raised a script error or logged one', () => {
    expect(s.scriptErrors).toEqual([]);
  });
});
