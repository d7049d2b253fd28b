import { ACTIVITY_STATUSES } from '@ledger/domain';
import type { ActionEntryView, ActivityView, CommitmentView } from '@ledger/projections';
import { reportLocale, type ReportLocale } from './intl-format';
import type { ReportInput, ReportLang } from './report-input';

/** The report as a list of blocks, so Markdown and HTML say exactly the same thing. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: boolean }
  | { kind: 'table'; headers: string[]; rows: string[][] }
  | { kind: 'bands'; items: Array<{ label: string; ticked: boolean }> }
  | { kind: 'list'; items: string[] }
  | { kind: 'chart'; chart: 'commitments' | 'axes' | 'history' };

const text = (value: string | undefined): string => (value ?? '').trim();

function field(l: string, value: string | undefined): Block[] {
  return text(value)
    ? [
        { kind: 'heading', level: 4, text: l },
        { kind: 'paragraph', text: text(value) },
      ]
    : [];
}

/**
 * An action as the report lists it: its text, its date in brackets unless the text already says
 * it (the plan transcribes "… (Juillet 2020)" with the date "Juillet 2020"), and the reason.
 */
export function actionItem(a: Pick<ActionEntryView, 'text' | 'date' | 'reason'>, l: ReportLocale): string {
  const date = a.date?.trim();
  const dated = date && !a.text.toLowerCase().includes(date.toLowerCase()) ? `(${date})` : '';
  return [a.text, dated, a.reason ? l.labels.reason(a.reason) : ''].filter(Boolean).join(' ');
}

function activityBlocks(a: ActivityView, l: ReportLocale): Block[] {
  const { labels, common } = l;
  const blocks: Block[] = [
    { kind: 'heading', level: 4, text: labels.activity(l.int(a.number), a.title) },
    { kind: 'bands', items: ACTIVITY_STATUSES.map((s) => ({ label: common.bands[s], ticked: a.status === s })) },
    {
      kind: 'paragraph',
      text: `${labels.weightAndProgress(l.num(a.weight), l.percent(a.progress))} · ${labels.irmLine(common.irm[a.irmCompletion])}`,
      emphasis: true,
    },
  ];
  if (a.lifecycle === 'SUSPENDED') blocks.push({ kind: 'paragraph', text: labels.suspended(a.lifecycleReason ?? '') });
  if (a.lifecycle === 'CANCELLED') blocks.push({ kind: 'paragraph', text: labels.cancelled(a.lifecycleReason ?? '') });
  for (const [title, list] of [
    [labels.done, a.actionsDone],
    [labels.notDone, a.actionsNotDone],
    [labels.additional, a.additionalActions],
  ] as const) {
    if (list.length > 0)
      blocks.push({ kind: 'paragraph', text: title, emphasis: true }, { kind: 'list', items: list.map((x) => actionItem(x, l)) });
  }
  return blocks;
}

function commitmentBlocks(c: CommitmentView, l: ReportLocale): Block[] {
  const { labels, common } = l;
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: labels.commitmentHeading(l.int(c.number), c.title) },
    { kind: 'paragraph', text: labels.rateLine(l.pct(c.implementationRate ?? 0)), emphasis: true },
    { kind: 'paragraph', text: labels.irmLine(common.irm[c.irmCompletion]) },
    ...field(labels.lead, c.leadOrganisation),
    ...field(labels.problem, c.problem),
    ...field(labels.description, c.description),
    ...c.activities.flatMap((a) => activityBlocks(a, l)),
  ];
  if (c.communicationActions.length > 0) {
    blocks.push(
      { kind: 'heading', level: 4, text: labels.communication },
      {
        kind: 'table',
        headers: [...labels.communicationColumns],
        rows: c.communicationActions.map((x) => [x.action, x.date ?? '', x.target ?? '', x.indicators ?? '']),
      },
    );
  }
  return [
    ...blocks,
    ...field(labels.results, c.results),
    ...field(labels.contribution, c.contribution),
    ...field(labels.nextSteps, c.nextSteps),
  ];
}

/** The note in the report's language when the plan gives one per language, else as given. */
function noteIn(note: ReportInput['note'], lang: ReportLang): string | undefined {
  if (note === undefined || typeof note === 'string') return note;
  return note[lang] ?? note.en ?? note.fr ?? Object.values(note)[0];
}

export function reportDocument(input: ReportInput, lang: ReportLang): Block[] {
  const l = reportLocale(lang);
  const { labels } = l;
  const { plan } = input;
  const asOf = input.asOf ? l.date(input.asOf.slice(0, 10)) : undefined;
  const note = noteIn(input.note, lang);
  return [
    { kind: 'heading', level: 1, text: labels.title(plan) },
    ...(asOf ? [{ kind: 'paragraph', text: labels.asOf(asOf), emphasis: true } as Block] : []),
    { kind: 'heading', level: 2, text: labels.implementation },
    { kind: 'paragraph', text: labels.overall(plan.period, l.pct(plan.implementationRate ?? 0), asOf) },
    { kind: 'chart', chart: 'history' },
    { kind: 'heading', level: 3, text: labels.byAxis },
    { kind: 'table', headers: [labels.axis, labels.rate], rows: plan.axes.map((a) => [a.title, l.pct(a.implementationRate ?? 0)]) },
    { kind: 'chart', chart: 'axes' },
    { kind: 'heading', level: 3, text: labels.byCommitment },
    {
      kind: 'table',
      headers: [labels.commitment, labels.commitmentTitle, labels.rate],
      rows: plan.commitments.map((c) => [`${l.int(c.number)}.`, c.title, l.pct(c.implementationRate ?? 0)]),
    },
    { kind: 'chart', chart: 'commitments' },
    { kind: 'heading', level: 2, text: labels.achievements },
    ...plan.commitments.flatMap((c) => commitmentBlocks(c, l)),
    { kind: 'heading', level: 2, text: labels.method },
    { kind: 'paragraph', text: labels.formula },
    ...(note ? [{ kind: 'heading', level: 3, text: labels.reconstructed } as Block, { kind: 'paragraph', text: note } as Block] : []),
    { kind: 'paragraph', text: labels.generated(l.dateTime(input.generatedAt)), emphasis: true },
    ...(input.provenance
      ? [{ kind: 'paragraph', text: labels.provenance(input.provenance.position, input.provenance.hash) } as Block]
      : []),
  ];
}
