import { ACTIVITY_STATUSES } from '@ledger/domain';
import type { ActionEntryView, ActivityView, CommitmentView } from '@ledger/projections';
import { day, labelsFor, num, pct, type Labels } from './labels';
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

function actionItems(actions: ActionEntryView[], labels: Labels): string[] {
  return actions.map((a) =>
    [a.text, a.date ? `(${a.date})` : '', a.reason ? `— ${labels.reason} : ${a.reason}` : ''].filter(Boolean).join(' '),
  );
}

function activityBlocks(a: ActivityView, labels: Labels, lang: ReportLang): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 4, text: labels.activity(a.number, a.title) },
    { kind: 'bands', items: ACTIVITY_STATUSES.map((s) => ({ label: labels.bands[s], ticked: a.status === s })) },
    { kind: 'paragraph', text: labels.weightAndProgress(num(a.weight, lang), num(a.progress, lang)), emphasis: true },
  ];
  if (a.lifecycle === 'SUSPENDED') blocks.push({ kind: 'paragraph', text: labels.suspended(a.lifecycleReason ?? '') });
  if (a.lifecycle === 'CANCELLED') blocks.push({ kind: 'paragraph', text: labels.cancelled(a.lifecycleReason ?? '') });
  for (const [title, list] of [
    [labels.done, a.actionsDone],
    [labels.notDone, a.actionsNotDone],
    [labels.additional, a.additionalActions],
  ] as const) {
    if (list.length > 0)
      blocks.push({ kind: 'paragraph', text: title, emphasis: true }, { kind: 'list', items: actionItems([...list], labels) });
  }
  return blocks;
}

function commitmentBlocks(c: CommitmentView, labels: Labels, lang: ReportLang): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: labels.commitmentHeading(c.number, c.title) },
    { kind: 'paragraph', text: `${labels.rate} : ${pct(c.implementationRate ?? 0)} %`, emphasis: true },
    ...field(labels.lead, c.leadOrganisation),
    ...field(labels.problem, c.problem),
    ...field(labels.description, c.description),
    ...c.activities.flatMap((a) => activityBlocks(a, labels, lang)),
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

export function reportDocument(input: ReportInput, lang: ReportLang): Block[] {
  const labels = labelsFor(lang);
  const { plan } = input;
  const asOf = input.asOf ? day(input.asOf) : undefined;
  return [
    { kind: 'heading', level: 1, text: labels.title(plan) },
    ...(asOf ? [{ kind: 'paragraph', text: labels.asOf(asOf), emphasis: true } as Block] : []),
    { kind: 'heading', level: 2, text: labels.implementation },
    { kind: 'paragraph', text: labels.overall(plan.period, pct(plan.implementationRate ?? 0), asOf) },
    { kind: 'chart', chart: 'history' },
    { kind: 'heading', level: 3, text: labels.byAxis },
    { kind: 'table', headers: [labels.axis, labels.rate], rows: plan.axes.map((a) => [a.title, `${pct(a.implementationRate ?? 0)}%`]) },
    { kind: 'chart', chart: 'axes' },
    { kind: 'heading', level: 3, text: labels.byCommitment },
    {
      kind: 'table',
      headers: [labels.commitment, labels.commitmentTitle, labels.rate],
      rows: plan.commitments.map((c) => [`${c.number}.`, c.title, `${pct(c.implementationRate ?? 0)}%`]),
    },
    { kind: 'chart', chart: 'commitments' },
    { kind: 'heading', level: 2, text: labels.achievements },
    ...plan.commitments.flatMap((c) => commitmentBlocks(c, labels, lang)),
    { kind: 'heading', level: 2, text: labels.method },
    { kind: 'paragraph', text: labels.formula },
    ...(input.note ? [{ kind: 'paragraph', text: input.note } as Block] : []),
    { kind: 'paragraph', text: labels.generated(input.generatedAt), emphasis: true },
  ];
}
