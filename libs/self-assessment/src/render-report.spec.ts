import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dryRun, planFileToSteps, type PlanFile } from '@ledger/domain';
import { planView, type PlanView } from '@ledger/projections';
import { renderReport } from './render-report';
import type { ReportInput } from './report-input';

/** Strict enough for our output: every tag closed in order, attributes quoted, no stray '<'. */
function assertWellFormed(html: string): void {
  const body = html.replace(/^<!DOCTYPE html>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    expect(body.slice(last, m.index)).not.toMatch(/[<>]/);
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name);
  }
  expect(body.slice(last)).not.toMatch(/[<>]/);
  expect(stack).toEqual([]);
}

const activity = (n: number, progress: number, status: PlanView['commitments'][0]['activities'][0]['status'], extra = {}) => ({
  id: `t.1.${n}`,
  number: n,
  title: `Activité ${n}`,
  weight: 1,
  progress,
  status,
  lifecycle: 'ACTIVE' as const,
  irmCompletion: status,
  actionsDone: [],
  actionsNotDone: [],
  additionalActions: [],
  ...extra,
});

const fixture = (): ReportInput => {
  const commitment = {
    id: 't.1',
    planId: 't',
    axisId: 'a',
    number: 1,
    title: 'Portail <script>alert(1)</script> & données',
    leadOrganisation: 'DRA',
    problem: 'Un problème\nsur deux lignes',
    description: 'Description',
    implementationRate: 62.5,
    irmCompletion: 'SUBSTANTIAL',
    version: 9,
    results: 'Résultats',
    contribution: 'Contribution',
    nextSteps: 'Suite',
    activities: [
      activity(1, 100, 'COMPLETE', {
        actionsDone: [
          { id: 'x1', text: 'Atelier', date: 'Mars 2019' },
          { id: 'x3', text: 'Elaboration des dossiers de conception (Juillet 2020)', date: 'Juillet 2020' },
        ],
      }),
      activity(2, 50, 'LIMITED', {
        actionsNotDone: [{ id: 'x2', text: 'Portail', reason: 'refonte' }],
        lifecycle: 'SUSPENDED',
        lifecycleReason: 'Projet en refonte',
      }),
      activity(3, 0, 'NOT_STARTED', { lifecycle: 'CANCELLED', lifecycleReason: 'fait ailleurs' }),
      activity(4, 75, 'SUBSTANTIAL'),
    ],
    communicationActions: [{ id: 'c1', action: 'Radio | TV', date: '12 mars 2020', target: 'Grand public', indicators: '3 passages' }],
  };
  const plan = {
    id: 't',
    title: 'Plan test',
    country: 'Maroc',
    period: '2018-2020',
    periods: [],
    implementationRate: 62.5,
    version: 3,
    axes: [{ id: 'a', planId: 't', title: 'Accès', order: 1, implementationRate: 62.5, commitments: [commitment] }],
    commitments: [commitment],
  } as unknown as PlanView;
  return {
    plan,
    generatedAt: '2026-11-28T00:00:00.000Z',
    rateHistory: [
      { at: '2019-01-01T00:00:00.000Z', implementationRate: 10 },
      { at: '2020-12-31T00:00:00.000Z', implementationRate: 62.5 },
    ],
    note: 'Poids reconstitués',
  };
};

describe('self-assessment report', () => {
  it('writes the overall rate, the commitment table and every section in French', () => {
    const md = renderReport(fixture(), { format: 'md', lang: 'fr' });
    expect(md).toContain("L'avancement global de la mise en œuvre du plan d'action national 2018-2020 est de 63\u00a0%");
    expect(md).toContain('| 1. | Portail <script>alert(1)</script> & données | 63\u00a0% |');
    expect(md).toContain("Niveau d'achèvement (échelle de l'IRM de l'OGP) : Substantiel");
    expect(md).toContain('Poids 1 · avancement 100\u00a0% · Niveau');
    expect(md).toContain('☐ Non commencé  ☐ Limité (1-59%)  ☐ Important (60-90%)  ☒ Terminé (90-100%)');
    expect(md).toContain('☐ Non commencé  ☒ Limité (1-59%)  ☐ Important (60-90%)  ☐ Terminé (90-100%)');
    for (const heading of [
      'Organisme responsable de la mise en œuvre',
      'Problématique',
      "Consistance de l'engagement",
      'Actions réalisées',
      'Actions non réalisées',
      "Description des résultats après la mise en œuvre de l'engagement",
      'Prochaines étapes',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('- Portail — Raison : refonte');
    expect(md).toContain('- Atelier (Mars 2019)');
    expect(md).toContain('Activité suspendue : Projet en refonte');
    expect(md).toContain('Activité annulée : fait ailleurs');
    expect(md).toContain('| Radio \\| TV | 12 mars 2020 | Grand public | 3 passages |');
    expect(md).toContain('Poids reconstitués');
  });

  it('prints an action\'s date once when its text already ends with it ("(Juillet 2020)" was doubled)', () => {
    const md = renderReport(fixture(), { format: 'md', lang: 'fr' });
    expect(md).toContain('- Elaboration des dossiers de conception (Juillet 2020)\n');
    expect(md).not.toContain('(Juillet 2020) (Juillet 2020)');
  });

  it('speaks English with lang en, dates and figures through Intl', () => {
    const md = renderReport({ ...fixture(), asOf: '2019-12-31T23:59:59.999Z' }, { format: 'md', lang: 'en' });
    expect(md).toContain('Overall implementation of the 2018-2020 national action plan, as of 31 December 2019, is 63%');
    expect(md).toContain('Completion (OGP IRM scale): Substantial');
    expect(md).toContain('☒ Complete (90-100%)');
    expect(md).toContain('Actions not carried out');
  });

  it('writes a well-formed HTML page that escapes content and carries the chart numbers as text', () => {
    const html = renderReport(fixture(), { format: 'html', lang: 'fr' });
    assertWellFormed(html);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Portail &lt;script&gt;alert(1)&lt;/script&gt; &amp; données');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('<text class="value" x="');
    expect(html).toMatch(/>63\u00a0%<\/text>/);
  });
});

describe('the report rebuilt from the bundled Morocco plan', () => {
  const file = JSON.parse(readFileSync(join(__dirname, '../../../data/plans/ma-2018-2020.json'), 'utf8')) as PlanFile;
  const { plans, commitments } = dryRun(planFileToSteps(file));
  const records = [...commitments.values()].sort((a, b) => a.number - b.number).map((state) => ({ state, version: 1 }));
  const input: ReportInput = {
    plan: planView({ state: plans.get('ma-2018-2020')!, version: 1 }, records),
    generatedAt: '2026-11-28T00:00:00.000Z',
    rateHistory: [],
  };
  const PUBLISHED = [100, 100, 95, 96, 100, 95, 24, 100, 100, 95, 98, 100, 25, 26, 63, 100, 99, 97];

  it('has the 18-row table with the published figures and the overall 84 %', () => {
    const md = renderReport(input, { format: 'md', lang: 'fr' });
    const rows = md.split('\n').filter((l) => /^\| \d+\. \|/.test(l));
    expect(rows).toHaveLength(18);
    expect(rows.map((r) => Number(/\| (\d+)\u00a0% \|$/.exec(r)?.[1]))).toEqual(PUBLISHED);
    expect(md).toContain('est de 84\u00a0%');
    expect(md.match(/^#### Activité \d+/gm)).toHaveLength(79);
    // The plan transcribes "… (Juillet 2020)" with the date "Juillet 2020": printed once.
    expect(md).toContain('(Juillet 2020)');
    expect(md).not.toMatch(/\(([^()]+)\) \(\1\)/);
  });

  it('draws one bar per commitment with its rate as text in well-formed HTML', () => {
    const html = renderReport(input, { format: 'html', lang: 'fr' });
    assertWellFormed(html);
    const commitmentsChart = html.split('<svg ')[3];
    expect([...commitmentsChart.matchAll(/<text class="value"[^>]*>(\d+)\u00a0%<\/text>/g)].map((m) => Number(m[1]))).toEqual(PUBLISHED);
  });
});
