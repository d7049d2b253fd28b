import type { IrmCompletion, PlanFile, PlanFileAction } from '@ledger/domain';
import { SHEETS, type CellValue, type SheetName } from '../layout/workbook-layout';

/** Figures the ledger computes, written beside the plan for readers; ignored when imported. */
export interface ComputedFigures {
  commitments: ReadonlyMap<number, { implementationRate: number | null; irmCompletion: IrmCompletion }>;
  /** By "<commitment number>.<activity number>". */
  activities: ReadonlyMap<string, IrmCompletion>;
}

export type SheetTable = { name: SheetName; headers: string[]; rows: CellValue[][] };

const v = (x: unknown): CellValue => (x === undefined ? null : (x as CellValue));
const KINDS = [
  ['DONE', 'actionsDone'],
  ['NOT_DONE', 'actionsNotDone'],
  ['ADDITIONAL', 'additionalActions'],
] as const;

/** The plan as the workbook's sheets, in the template's column order. */
export function planToRows(file: PlanFile, computed?: ComputedFigures): SheetTable[] {
  const { plan } = file;
  const tables: Record<SheetName, CellValue[][]> = {
    Plan: [[plan.id, plan.country, plan.title, plan.period, plan.effectiveAt, v(file.source), v(noteText(file.reconstructed))]],
    Axes: file.axes.map((a) => [a.id, a.title]),
    Commitments: [],
    Activities: [],
    Leads: [],
    Actions: [],
    Communication: [],
  };
  for (const c of file.commitments) {
    const figures = computed?.commitments.get(c.number);
    tables.Commitments.push([
      c.number,
      c.axis,
      c.title,
      c.leadOrganisation,
      v(c.problem),
      v(c.description),
      v(c.results),
      v(c.contribution),
      v(c.nextSteps),
      v(c.outcomeEffectiveAt),
      figures?.implementationRate != null ? Math.round(figures.implementationRate * 100) / 100 : null,
      v(figures?.irmCompletion),
    ]);
    for (const a of c.activities) {
      tables.Activities.push([
        c.number,
        a.number,
        a.title,
        a.weight,
        v(a.progress),
        v(a.status),
        v(a.progressEffectiveAt),
        v(a.lifecycle?.state),
        v(a.lifecycle?.reason),
        v(a.lifecycle?.effectiveAt),
        v(computed?.activities.get(`${c.number}.${a.number}`)),
      ]);
      for (const [kind, key] of KINDS)
        for (const x of (a[key] ?? []) as PlanFileAction[])
          tables.Actions.push([c.number, a.number, kind, x.text, v(x.date), v(x.effectiveAt), v(x.effectiveUntil), v(x.reason)]);
    }
    for (const userId of c.leads ?? []) tables.Leads.push([c.number, userId]);
    for (const x of c.communicationActions ?? [])
      tables.Communication.push([c.number, x.action, v(x.date), v(x.effectiveAt), v(x.effectiveUntil), v(x.target), v(x.indicators)]);
  }
  return SHEETS.map((spec) => ({ name: spec.name, headers: spec.columns.map((c) => c.header), rows: tables[spec.name] }));
}

/** The workbook's Note is one text: a note given per language is written in French, else English. */
const noteText = (note: PlanFile['reconstructed']): string | undefined =>
  note === undefined || typeof note === 'string' ? note : (note.fr ?? note.en ?? Object.values(note)[0]);
