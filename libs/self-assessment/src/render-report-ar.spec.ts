import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { dryRun, planFileToSteps, type PlanFile } from '@ledger/domain';
import { planView } from '@ledger/projections';
import { renderReport } from './render-report';
import type { ReportInput } from './report-input';

const file = JSON.parse(readFileSync(join(__dirname, '../../../data/plans/ma-2018-2020.json'), 'utf8')) as PlanFile;
const { plans, commitments } = dryRun(planFileToSteps(file));
const input = (): ReportInput => ({
  plan: planView(
    { state: plans.get('ma-2018-2020')!, version: 1 },
    [...commitments.values()].sort((a, b) => a.number - b.number).map((state) => ({ state, version: 1 })),
  ),
  asOf: '2020-12-31T23:59:59.999Z',
  generatedAt: '2026-11-28T10:00:00.000Z',
  rateHistory: [{ at: '2020-12-31T00:00:00.000Z', implementationRate: 84 }],
  note: file.reconstructed,
  provenance: { position: '480', hash: 'ab'.repeat(32) },
});

/** Parses the page as XML (XHTML): throws on any well-formedness error; returns the root's attributes. */
function parseXhtml(html: string): Record<string, string> {
  const parser = new SaxesParser({ xmlns: true });
  let root: Record<string, string> | undefined;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    root ??= Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, typeof v === 'string' ? v : v.value]));
  });
  parser.write(html).close();
  return root!;
}

describe('the self-assessment report in Arabic', () => {
  const html = renderReport(input(), { format: 'html', lang: 'ar' });
  const md = renderReport(input(), { format: 'md', lang: 'ar' });

  it('is a well-formed right-to-left page: <html lang="ar" dir="rtl">', () => {
    expect(parseXhtml(html)).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });

  it('keeps the SVG charts left-to-right inside the right-to-left page (axes read the same way)', () => {
    expect(html).toContain('.chart svg{direction:ltr}');
  });

  it('writes the report in Arabic, with Moroccan month names and percentages through Intl (ar-MA)', () => {
    expect(md).toContain('# تقرير التقييم الذاتي لخطة العمل الوطنية للحكومة المنفتحة');
    expect(md).toContain('**الوضعية إلى غاية 31 دجنبر 2020**');
    expect(md).toContain('بلغ التقدم الإجمالي في تنفيذ خطة العمل الوطنية 2018-2020، إلى غاية 31 دجنبر 2020، ما نسبته 84\u200e%\u200e');
    expect(md).toContain('### الالتزام 7: ');
    expect(md).toContain('نسبة الإنجاز: 24\u200e%\u200e');
    expect(md).toContain('مستوى الإنجاز (حسب سلّم آلية التقارير المستقلة لشراكة الحكومة المنفتحة): محدود');
    expect(md).toContain('☒ مكتمل (90-100%)');
  });

  it("writes the charts' axis labels as the Arabic catalogue writes percentages (0‎%‎ … 100‎%‎), not in French style", () => {
    const axisLabels = [...html.matchAll(/<text x="34" y="[\d.]+" text-anchor="end" font-size="10">([^<]*)<\/text>/g)].map((m) => m[1]);
    // Three charts (commitments, axes, history), five grid lines each: 0, 25, 50, 75, 100.
    expect(axisLabels).toEqual(
      Array(3)
        .fill(['0', '25', '50', '75', '100'].map((n) => `${n}\u200e%\u200e`))
        .flat(),
    );
  });

  it("writes the history chart's months as the Arabic report writes dates (دجنبر 2020), not as ISO months", () => {
    const history = html.match(/<svg[^]*?<\/svg>/g)!.find((svg) => svg.includes('<polyline'))!;
    expect(history).toContain('font-size="10">دجنبر 2020</text>');
    expect(history).not.toContain('>2020-12<');
  });

  it('writes the reconstruction note in Arabic, and what the report was built from', () => {
    expect(md).toContain('### معطيات معاد تشكيلها');
    expect(md).toContain('إن أوزان الأنشطة والأرقام الدقيقة لنسب التقدم غير منشورة');
    expect(md).not.toContain('Activity weights and exact progress figures');
    expect(md).toContain(`ledger verify --expected-head 480:${'ab'.repeat(32)}`);
    expect(md).toContain('أُعِدّ انطلاقاً من السجل عند الموضع 480');
  });

  it('writes the note in French in the French report, and in English in the English one', () => {
    expect(renderReport(input(), { format: 'md', lang: 'fr' })).toContain(
      "Les poids des activités et les chiffres exacts d'avancement ne sont PAS publiés",
    );
    expect(renderReport(input(), { format: 'md', lang: 'en' })).toContain('Activity weights and exact progress figures are NOT published');
  });

  it('keeps French and English pages left-to-right', () => {
    expect(parseXhtml(renderReport(input(), { format: 'html', lang: 'fr' }))).toMatchObject({ lang: 'fr', dir: 'ltr' });
    expect(parseXhtml(renderReport(input(), { format: 'html', lang: 'en' }))).toMatchObject({ lang: 'en', dir: 'ltr' });
  });
});
