import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser';
import { mustMutate } from '../support/ledger-fixtures';
import { settled, startWorkspaceSuite, type WorkspaceSuite } from '../support/workspace-browser';

/**
 * A coordinator's day in a real browser: builds a small plan (axis, commitment, weighted
 * activities, the effect of a weight on the rates previewed), assigns the lead, suspends an
 * activity, closes a reporting period and reads the committee's pack, uploads a plan workbook
 * (problems at their cells first, then the import). axe finds nothing on these pages.
 */
const PLAN = 'ws-commune-2025';
const C1 = `${PLAN}.1`;
const EXAMPLE = join(__dirname, '../../data/plans/example-small.xlsx');

describeInBrowser('the coordinator workspace in a browser', () => {
  let s: WorkspaceSuite;
  let page: Page;
  let files: string;

  beforeAll(async () => {
    s = await startWorkspaceSuite();
    files = mkdtempSync(join(tmpdir(), 'ledger-upload-'));
    page = await s.open('/workspace/coordinator?lang=en');
    await s.signIn(page, 'carla', 'coordinator', 'Carla');
    await settled(page);
  }, 180_000);
  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await s?.stop();
  }, 60_000);

  const submit = async (formId: string) => {
    await page.click(`#${formId} button[type="submit"]`);
    await page.waitForSelector(`#${formId} .status-done`);
  };

  it('a coordinator defines a plan, adds an axis and registers a commitment', async () => {
    await page.fill('#plan-id', PLAN);
    await page.fill('#plan-title', 'Plan d’action de la commune');
    await page.fill('#plan-country', 'Commune de Test');
    await page.fill('#plan-period', '2025–2027');
    await page.click('#plan-form button[type="submit"]');
    await page.waitForURL(new RegExp(`/workspace/coordinator/plan/${PLAN}`));
    await page.waitForSelector('h1:has-text("Plan d’action de la commune")');

    await page.fill('#axis-title', 'Transparence');
    await page.fill('#axis-axisId', 'transparence');
    await submit('axis-form');
    await page.waitForSelector('ol.entries li:has-text("Transparence")');

    await page.fill('#commitment-title', 'Publier les budgets');
    await page.fill('#commitment-leadOrganisation', 'Direction des finances');
    await page.click('#commitment-form button[type="submit"]');
    await page.waitForSelector(`a[href^="/workspace/coordinator/commitment/${C1}"]`);
  }, 60_000);

  it('plans weighted activities, previews the effect of a weight on the rates, and saves it', async () => {
    await page.click(`a[href^="/workspace/coordinator/commitment/${C1}"]`);
    await page.waitForSelector('#activity-form');
    await page.fill('#activity-title', 'Mettre en ligne le budget');
    await submit('activity-form');
    await page.fill('#activity-title', 'Former les agents');
    await page.fill('#activity-weight', '3');
    await submit('activity-form');
    await page.waitForSelector('#activity-2');
    // A figure reported meanwhile (by the lead, say): 50 % on the first activity, so the rate is 12.5 %.
    await mustMutate(s.t, 'reportActivityProgress', { commitmentId: C1, activityId: `${C1}.1`, progress: 50 });
    await page.reload();
    await settled(page);
    await page.waitForSelector('#commitment-rate:has-text("13%")');

    await page.fill('#weight-1-weight', '3');
    await page.waitForSelector('#weight-1-preview:has-text("Commitment rate if saved: 13% → 25%")');
    expect(await page.locator('#weight-1-preview').textContent()).toContain('Plan rate if saved: 13% → 25%');
    await submit('weight-1-form');
    await page.waitForSelector('#commitment-rate:has-text("25%")');
  }, 60_000);

  it('assigns and revokes leads, and suspends an activity with its reason, then resumes it', async () => {
    await page.fill('#assign-userId', 'amina');
    await submit('assign-form');
    await page.fill('#assign-userId', 'karim');
    await submit('assign-form');
    await page.waitForSelector('ul.leads li:has-text("karim")');
    await page.click('form[aria-label="Revoke karim"] button');
    await page.waitForSelector('ul.leads li:has-text("karim")', { state: 'detached' });
    expect(await page.locator('ul.leads li').allTextContents()).toEqual([expect.stringContaining('amina')]);
    const me = await s.t.gql('{ me { commitments { id } } }', undefined, { token: await s.t.tokenFor('lead', 'amina') });
    expect(me.data!.me.commitments).toEqual([{ id: C1 }]);

    await page.selectOption('#lifecycle-2-action', 'suspend');
    await page.fill('#lifecycle-2-reason', 'Budget de formation gelé');
    await submit('lifecycle-2-form');
    await page.waitForSelector('#activity-2:has-text("Suspended")');
    await page.selectOption('#lifecycle-2-action', 'resume');
    await page.fill('#lifecycle-2-reason', 'Budget débloqué');
    await submit('lifecycle-2-form');
    await page.waitForSelector('#activity-2:has-text("Suspended")', { state: 'detached' });
    const lifecycle = await s.t.gql(`{ commitment(id: "${C1}") { activities { number lifecycle } } }`);
    expect(lifecycle.data!.commitment.activities).toContainEqual({ number: 2, lifecycle: 'ACTIVE' });
  }, 60_000);

  it('closes a reporting period and reads the committee’s pack: what moved, by whom, rates before → after', async () => {
    await page.click(`.breadcrumb a[href^="/workspace/coordinator/plan/${PLAN}"]`);
    await page.waitForSelector('#period-form');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.fill('#period-name', 'Comité de lancement');
    await page.fill('#period-endsAt', yesterday);
    await submit('period-form');
    await page.waitForSelector('ul.entries li:has-text("Comité de lancement")');

    await page.click(`a[href^="/workspace/coordinator/plan/${PLAN}/meeting"]`);
    const row = page.locator('table.meeting tbody tr', { hasText: 'Publier les budgets' });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toContain('25%');
    expect(await row.textContent()).toMatch(/By carla/);
    expect(await page.locator('#plan-rate-move').textContent()).toBe('— → 25%');
    expect(await page.locator('button[data-action="print"]').count()).toBe(1);
  }, 60_000);

  it('uploads a workbook: its problems at their cells and nothing written, then a valid one imported', async () => {
    const book = new Workbook();
    await book.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Activities')!;
    const column = (sheet.getRow(1).values as unknown[]).indexOf('Weight');
    sheet.getRow(3).getCell(column).value = -1;
    const bad = join(files, 'plan-with-a-bad-weight.xlsx');
    writeFileSync(bad, Buffer.from(await book.xlsx.writeBuffer()));

    await page.goto(`${s.base}/workspace/coordinator/upload?lang=en`);
    await settled(page);
    const head = await s.t.headPosition();
    await page.setInputFiles('#upload-file', bad);
    await page.click('#upload-form button[type="submit"]');
    const problem = page.locator('table.problems tbody tr', { hasText: 'Activities, row 3, column Weight' });
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/weight must be > 0/i);
    expect(await s.t.headPosition()).toBe(head);
    expect(await s.axe(page)).toEqual([]);
    await s.screenshot(page, 'ws-coordinator-upload-problems-en-desktop');

    await page.setInputFiles('#upload-file', EXAMPLE);
    await page.click('#upload-form button[type="submit"]');
    await page.waitForSelector('#upload-valid:has-text("issues 21 command(s)")');
    expect(await page.locator('.upload-result tbody tr').count()).toBe(21);
    expect(await s.axe(page)).toEqual([]);
    await s.screenshot(page, 'ws-coordinator-upload-commands-en-desktop');
    await page.click('.upload-result button:has-text("Import")');
    await page.waitForSelector('#upload-done:has-text("21 command(s) written")');
    await page.click('a:has-text("Open the plan")');
    await page.waitForSelector('h1:has-text("exemple") , h1');
    const plan = await s.t.gql('{ plan(id: "exemple-commune-2024-2026") { commitments { id } } }');
    expect(plan.data!.plan.commitments).toHaveLength(3);
  }, 60_000);

  it('axe finds nothing on the coordinator pages; screenshots in French, English and Arabic, desktop and phone', async () => {
    const found = await s.tour(
      [
        ['coordinator-home', '/workspace/coordinator'],
        ['coordinator-plan', `/workspace/coordinator/plan/${PLAN}`],
        ['coordinator-commitment', `/workspace/coordinator/commitment/${C1}`],
        ['coordinator-meeting', `/workspace/coordinator/plan/${PLAN}/meeting`],
        ['coordinator-upload', '/workspace/coordinator/upload'],
      ],
      { sub: 'carla', role: 'coordinator', name: 'Carla' },
    );
    expect(found).toEqual({});
  }, 240_000);

  it('no page raised a script error or logged one', () => {
    expect(s.scriptErrors).toEqual([]);
  });
});
