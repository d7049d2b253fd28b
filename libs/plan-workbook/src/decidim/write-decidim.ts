import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '@ledger/csv';

// Text a spreadsheet would run as a formula gets a leading apostrophe (libs/csv; the CSV reader takes it off).
const escape = (cell: unknown): unknown => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);
import type { PlanFile } from '@ledger/domain';
import type { ComputedFigures } from '../write/plan-to-rows';
import { DECIDIM_DELIMITER, decidimHeaders } from './decidim-columns';

const html = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
    .join('');

/**
 * The plan as a Decidim Accountability results CSV: each commitment a top-level result (its
 * progress the ledger's rate), each activity a child result with its progress and weight. What
 * Decidim has no column for is listed in `notCarried`.
 */
export function writeDecidimResults(file: PlanFile, computed: ComputedFigures, lang = 'fr'): { csv: string; notCarried: string[] } {
  const rows: unknown[][] = [];
  const notCarried = new Set<string>();
  let id = 0;
  const axisTitle = new Map(file.axes.map((a) => [a.id, a.title]));
  for (const c of file.commitments) {
    const parent = ++id;
    const rate = computed.commitments.get(c.number)?.implementationRate ?? 0;
    rows.push([
      parent,
      '',
      `${file.plan.id}.${c.number}`,
      c.title,
      c.description ? html(c.description) : '',
      '',
      axisTitle.get(c.axis) ?? '',
      '',
      '',
      '',
      '',
      '',
      Math.round(rate * 100) / 100,
      1,
    ]);
    for (const a of c.activities) {
      if (a.lifecycle?.state === 'CANCELLED') {
        notCarried.add(`cancelled activity ${file.plan.id}.${c.number}.${a.number} (Decidim would count it in its parent's progress)`);
        continue;
      }
      const band = a.progress === undefined ? '' : (a.status ?? '');
      rows.push([
        ++id,
        parent,
        `${file.plan.id}.${c.number}.${a.number}`,
        a.title,
        '',
        '',
        axisTitle.get(c.axis) ?? '',
        '',
        '',
        '',
        band.toLowerCase(),
        band,
        a.progress ?? '',
        a.weight,
      ]);
      if (a.lifecycle?.state === 'SUSPENDED') notCarried.add('suspended activities (exported as ordinary results)');
      if (a.actionsDone?.length || a.actionsNotDone?.length || a.additionalActions?.length)
        notCarried.add('actions done, not done and additional');
      if (a.progressEffectiveAt) notCarried.add('the dates of the progress figures');
    }
    if (c.leads?.length) notCarried.add('project leads');
    if (c.communicationActions?.length) notCarried.add('communication actions');
    if (c.results || c.contribution || c.nextSteps) notCarried.add('results, contribution and next steps');
    if (c.problem) notCarried.add("commitments' problem statements");
    notCarried.add('the organisation responsible for each commitment');
    notCarried.add('OGP IRM completion levels (status/key carries the band)');
  }
  const csv = stringify([decidimHeaders(lang), ...rows.map((r) => r.map(escape))], {
    delimiter: DECIDIM_DELIMITER,
    record_delimiter: '\r\n',
  });
  return { csv: `\ufeff${csv}`, notCarried: [...notCarried] };
}
