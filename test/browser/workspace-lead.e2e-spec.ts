import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactsDir, describeInBrowser } from '../support/browser';
import { mustMutate } from '../support/ledger-fixtures';
import { PHONE, settled, startWorkspaceSuite, type WorkspaceSuite } from '../support/workspace-browser';

/**
 * A project lead's day in a real browser (Chromium): signs in, finds their commitment, reports
 * progress (the band follows the figure) as of a chosen day and corrects it, an action not done,
 * a communication action and next steps, sees an error placed on the field
 * for a bad figure, never writes twice when an answer is lost, and resolves a conflict with a
 * colleague editing the same commitment; the public page follows live. axe finds nothing.
 */
const PLAN = 'ma-2018-2020';
const MINE = `${PLAN}.7`;

describeInBrowser('the lead workspace in a browser', () => {
  let s: WorkspaceSuite;

  beforeAll(async () => {
    s = await startWorkspaceSuite({ sample: true });
    await mustMutate(s.t, 'assignLead', { commitmentId: MINE, userId: 'amina' });
    await mustMutate(s.t, 'assignLead', { commitmentId: MINE, userId: 'youssef' });
  }, 180_000);
  afterAll(() => s?.stop(), 60_000);

  /** A lead's activity page, signed in (each tab signs in: the token lives in the page's memory). */
  const activityPage = async (n: number, sub = 'amina', context = s.context): Promise<Page> => {
    const page = await s.open(`/workspace/lead/activity/${MINE}.${n}?lang=en`, { context });
    await s.signIn(page, sub, 'lead');
    await page.waitForSelector('#report-form');
    return page;
  };
  const eventsOf = async (activityId: string, type: string) => {
    const res = await s.t.gql(
      `{ auditTrail(filter: { activityId: "${activityId}", types: ["${type}"] }, first: 500) { edges { cursor } } }`,
    );
    return res.data!.auditTrail.edges.length as number;
  };

  it('a lead signs in, finds their commitment, reports progress and sees the band and the new rate; the public page follows live', async () => {
    const publicPage = await s.open(`/commitment/${MINE}?lang=en`);
    await publicPage.waitForSelector('.live-status:has-text("Live")');

    const page = await s.open('/workspace?lang=en');
    await s.signIn(page, 'amina', 'lead', 'Amina');
    await page.click('nav.ws-nav a:has-text("My commitments")');
    await page.waitForURL(/\/workspace\/lead\?lang=en$/);
    const link = page.locator(`a[href^="/workspace/lead/commitment/${MINE}"]`);
    await link.click();
    await page.waitForSelector('table.ws-table tbody tr');
    await page.click(`a[href^="/workspace/lead/activity/${MINE}.3"]`);
    await page.waitForSelector('#report-form');
    const rateBefore = await page.locator('#commitment-rate .rate-text').textContent();

    await page.fill('#report-progress', '45');
    await page.waitForSelector('#report-band:has-text("Limited")');
    await page.fill('#report-progress', '75');
    await page.waitForSelector('#report-band:has-text("Substantial")');
    expect(await page.locator('#report-form .hint', { hasText: 'Bands: not started 0 %' }).count()).toBe(1);
    await page.fill('#report-note', 'Portail en recette');
    // The README's picture of the lead workspace (docs/screenshots/workspace-lead-en.png is copied from it).
    await page.screenshot({ path: join(artifactsDir('screenshots'), 'readme-workspace-lead-en.png') });
    await page.click('#report-form button[type="submit"]');
    await page.waitForSelector('#report-form .status-done');
    expect(await page.locator('#report-form .form-status').textContent()).toMatch(/Saved \(log position \d+\)\. Rate: \d+ ?% → \d+ ?%/);
    await page.waitForSelector('#current-figure:has-text("75%")');
    expect(await page.locator('#commitment-rate .rate-text').textContent()).not.toBe(rateBefore);

    // The public page, open meanwhile, shows the new figure without a reload.
    await publicPage.waitForSelector('article#a-3:has-text("75")');
    await publicPage.close();
    await page.close();
  }, 90_000);

  it('a lead reports a figure as of a day they choose (today unless changed), then corrects it with a reason: the correction keeps that day', async () => {
    const page = await activityPage(1);
    expect(await page.inputValue('#report-effectiveAt')).toBe(new Date().toISOString().slice(0, 10));
    await page.fill('#report-progress', '80');
    await page.fill('#report-effectiveAt', '2021-03-31');
    await page.click('#report-form button[type="submit"]');
    await page.waitForSelector('#current-figure:has-text("80%")');
    await page.fill('#correct-progress', '85');
    await page.fill('#correct-reason', 'Chiffre mal recopié');
    await page.click('#correct-form button[type="submit"]');
    await page.waitForSelector('#current-figure:has-text("85%")');
    const trail = await s.t.gql(
      `{ auditTrail(filter: { activityId: "${MINE}.1", types: ["ActivityProgressReported", "ActivityProgressCorrected"] }, last: 2) { edges { node { type effectiveAt data } } } }`,
    );
    expect(
      trail.data!.auditTrail.edges.map((e: { node: { type: string; effectiveAt: string; data: { progress: number } } }) => e.node),
    ).toEqual([
      expect.objectContaining({
        type: 'ActivityProgressReported',
        effectiveAt: '2021-03-31T00:00:00.000Z',
        data: expect.objectContaining({ progress: 80 }),
      }),
      expect.objectContaining({
        type: 'ActivityProgressCorrected',
        effectiveAt: '2021-03-31T00:00:00.000Z',
        data: expect.objectContaining({ progress: 85, reason: 'Chiffre mal recopié' }),
      }),
    ]);
    await page.close();
  }, 60_000);

  it('a lead logs a communication action and records the next steps of their commitment', async () => {
    const page = await s.open(`/workspace/lead/commitment/${MINE}?lang=en`);
    await s.signIn(page, 'amina', 'lead');
    await page.waitForSelector('#communication-form');
    await page.fill('#communication-action', 'Point presse sur le portail');
    await page.fill('#communication-target', 'Journalistes');
    await page.click('#communication-form button[type="submit"]');
    await page.waitForSelector('ul.entries li:has-text("Point presse sur le portail")');
    await page.fill('#outcome-nextSteps', 'Ouvrir les données des régions');
    await page.click('#outcome-form button[type="submit"]');
    await page.waitForSelector('#outcome-form .status-done');
    const c = await s.t.gql(`{ commitment(id: "${MINE}") { nextSteps communicationActions { action target } } }`);
    expect(c.data!.commitment.nextSteps).toBe('Ouvrir les données des régions');
    expect(c.data!.commitment.communicationActions).toContainEqual({ action: 'Point presse sur le portail', target: 'Journalistes' });
    await page.close();
  }, 60_000);

  it('a lead records an action not done, with the reason, and retracts an action recorded by mistake', async () => {
    const page = await activityPage(2);
    await page.check('#action-form input[value="NOT_DONE"]');
    await page.fill('#action-text', 'Atelier régional de Fès');
    await page.fill('#action-reason', 'Report faute de budget');
    await page.click('#action-form button[type="submit"]');
    await page.waitForSelector('#action-form .status-done');
    const notDone = page.locator('section[aria-labelledby="actions-NOT_DONE"]');
    await notDone.locator('li:has-text("Atelier régional de Fès")').waitFor();
    expect(await notDone.textContent()).toContain('Report faute de budget');

    await page.fill('#action-text', 'Saisie en double');
    await page.click('#action-form button[type="submit"]');
    const done = page.locator('section[aria-labelledby="actions-DONE"] li', { hasText: 'Saisie en double' });
    await done.waitFor();
    await done.locator('summary').click();
    await done.locator('textarea').fill('Doublon');
    await done.locator('button[type="submit"]').click();
    await done.waitFor({ state: 'detached' });
    await page.close();
  }, 60_000);

  it('a bad figure: the server’s error is placed on the field and in a summary linking to it, and nothing is written', async () => {
    const page = await activityPage(3);
    const head = await s.t.headPosition();
    await page.fill('#report-progress', '150');
    await page.click('#report-form button[type="submit"]');
    const summary = page.locator('#report-errors .error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-errors');
    const link = summary.locator('a[href="#report-progress"]');
    expect(await link.textContent()).toMatch(/progress/);
    expect(await page.locator('#report-progress-error').textContent()).toMatch(/progress/);
    expect(await page.getAttribute('#report-progress', 'aria-invalid')).toBe('true');
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-progress');
    expect(await s.t.headPosition()).toBe(head);
    await page.close();
  }, 60_000);

  it('an answer lost on the way back: the form sends the same command again, and it is written once', async () => {
    const page = await activityPage(2);
    const before = await eventsOf(`${MINE}.2`, 'ActivityProgressReported');
    const sent: string[] = [];
    let dropped = false;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { variables?: { input?: { commandId?: string; progress?: number } } };
      const input = body.variables?.input;
      if (input?.progress !== 33) return route.continue();
      sent.push(String(input.commandId));
      if (dropped) return route.continue();
      dropped = true;
      // The server receives the command and writes it; its answer never reaches the page.
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.fill('#report-progress', '33');
    await page.click('#report-form button[type="submit"]');
    await page.waitForSelector('#report-form .status-done');
    expect(sent.length).toBe(2);
    expect(new Set(sent).size).toBe(1);
    expect(await eventsOf(`${MINE}.2`, 'ActivityProgressReported')).toBe(before + 1);
    await page.close();
  }, 60_000);

  it('two leads edit the same commitment: the second gets a conflict showing what changed, and re-applies', async () => {
    const other = await s.browser.newContext();
    try {
      const amina = await activityPage(1);
      const youssef = await activityPage(2, 'youssef', other);
      // Youssef starts typing: his form is built on the version he sees now.
      await youssef.fill('#report-progress', '20');
      await amina.fill('#report-progress', '60');
      await amina.click('#report-form button[type="submit"]');
      await amina.waitForSelector('#report-form .status-done');

      await youssef.click('#report-form button[type="submit"]');
      const conflict = youssef.locator('#report-conflict');
      await conflict.waitFor();
      expect(await conflict.textContent()).toMatch(/Someone changed this commitment/);
      expect(await conflict.locator('.conflict-changes li').count()).toBeGreaterThan(0);
      await conflict.locator('button', { hasText: 'Apply my change again' }).click();
      await youssef.waitForSelector('#report-form .status-done');
      await youssef.waitForSelector('#current-figure:has-text("20%")');
      const fresh = await s.t.gql(`{ commitment(id: "${MINE}") { activities { id progress } } }`);
      const progress = Object.fromEntries(
        fresh.data!.commitment.activities.map((a: { id: string; progress: number }) => [a.id, a.progress]),
      );
      expect([progress[`${MINE}.1`], progress[`${MINE}.2`]]).toEqual([60, 20]);
    } finally {
      await other.close();
    }
  }, 90_000);

  it('nothing a lead may not do is offered, and the server refuses it when sent anyway', async () => {
    const page = await s.open('/workspace/coordinator?lang=en');
    await s.signIn(page, 'amina', 'lead');
    await page.waitForSelector('h1:has-text("Not available for your role")');
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.locator('nav.ws-nav a').allTextContents()).toEqual(['My commitments']);

    // A new page load: the tab remembers who signed in (not the token) and signs in again by itself.
    await page.goto(`${s.base}/workspace/lead/activity/${PLAN}.8.1?lang=en`);
    await settled(page);
    await page.waitForSelector('.banner:has-text("You are not a lead of this commitment")');
    expect(await page.locator('main form').count()).toBe(0);

    const token = await s.t.tokenFor('lead', 'amina');
    const head = await s.t.headPosition();
    const report = await s.t.gql(
      `mutation { reportActivityProgress(input: { commitmentId: "${PLAN}.8", activityId: "${PLAN}.8.1", progress: 10 }) { version } }`,
      undefined,
      { token },
    );
    expect(report.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const weight = await s.t.gql(
      `mutation { setActivityWeight(input: { commitmentId: "${MINE}", activityId: "${MINE}.1", weight: 9 }) { version } }`,
      undefined,
      { token },
    );
    expect(weight.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await s.t.headPosition()).toBe(head);
    await page.close();
  }, 60_000);

  it('axe finds nothing on the lead pages; screenshots in French, English and Arabic, desktop and phone', async () => {
    const found = await s.tour(
      [
        ['lead-home', '/workspace/lead'],
        ['lead-commitment', `/workspace/lead/commitment/${MINE}`],
        ['lead-activity', `/workspace/lead/activity/${MINE}.3`],
      ],
      { sub: 'amina', role: 'lead', name: 'Amina' },
    );
    expect(found).toEqual({});
  }, 180_000);

  it('axe finds nothing on the sign-in page (French, English, Arabic)', async () => {
    const found: Record<string, string[]> = {};
    for (const lang of ['fr', 'en', 'ar']) {
      const page = await s.open(`/workspace/sign-in?lang=${lang}`);
      await page.waitForSelector('html[data-session="signed-out"]');
      const violations = await s.axe(page);
      if (violations.length) found[lang] = violations;
      // Each field of the stacked form is as tall as its label and control, not a flex-basis apart.
      const field = await page.locator('.dev-sign-in .field:has(#dev-name)').boundingBox();
      const input = await page.locator('#dev-name').boundingBox();
      expect(field!.height).toBeLessThan(input!.height * 3);
      await s.screenshot(page, `ws-sign-in-${lang}-desktop`);
      await page.setViewportSize(PHONE);
      await s.screenshot(page, `ws-sign-in-${lang}-phone`);
      await page.close();
    }
    expect(found).toEqual({});
  }, 60_000);

  it('no page raised a script error or logged one', () => {
    expect(s.scriptErrors).toEqual([]);
  });
});
