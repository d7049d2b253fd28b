import { isolate } from '@ledger/web-ui';
import { useState } from 'preact/hooks';
import { deriveStatus, type ActivityStatus } from '@ledger/domain';
import type { Loaded } from '../../context';
import { useWs } from '../../context';
import { EffectiveAt, FormFeedback, FormFooter, Input, TextArea } from '../../forms/form-parts';
import { num, text, useCommandForm } from '../../forms/use-command-form';
import { commitmentMutation, type CommitmentPayload, type WsActivity, type WsCommitmentData } from '../../queries';
import { Band, Numbered, Rate, Show, useCommitment } from '../common';
import { ActionForm, ActionLists } from './lead-actions';

const commitmentOf = (activityId: string) => activityId.slice(0, activityId.lastIndexOf('.'));

/** One activity, for its lead: the figure and its band, report or correct it, actions done / not done / additional. */
export function LeadActivity({ activityId }: { activityId: string }) {
  const { t, fmt, href, user } = useWs();
  const state = useCommitment(commitmentOf(activityId));
  return (
    <Show state={state}>
      {(c) => {
        const a = c.activities.find((x) => x.id === activityId);
        if (!a)
          return (
            <>
              <h1>{t.notFoundTitle}</h1>
              <p>{t.notFoundBody}</p>
            </>
          );
        const mine = (c.leads ?? []).some((l) => l.userId === user.sub);
        return (
          <>
            <p class="breadcrumb">
              <a href={href({ view: 'lead' })}>{t.myCommitmentsTitle}</a> ›{' '}
              <a href={href({ view: 'lead-commitment', id: c.id })}>
                <Numbered n={c.number} title={c.title} />
              </a>
            </p>
            <h1>{t.activityTitle(fmt.number(a.number), isolate(a.title))}</h1>
            <div class="ws-figures">
              <p id="current-figure">
                {a.progressEffectiveAt ? t.currentFigure(fmt.percent(a.progress), fmt.day(a.progressEffectiveAt)) : t.noFigure}{' '}
                <Band band={a.status} />
              </p>
              <p class="ws-rate" id="commitment-rate">
                <span class="ws-rate-label">{t.commitmentRate}</span> <Rate rate={c.implementationRate} />
              </p>
              {a.lifecycle !== 'ACTIVE' && <p class="banner">{t.lifecycleNames[a.lifecycle]}</p>}
            </div>
            {!mine && <p class="banner">{t.notLeadOf}</p>}
            {/* A suspended or cancelled activity takes no new figure (the rule refuses it): no form is offered. */}
            {mine && a.lifecycle === 'ACTIVE' && <ReportForm state={state} c={c} a={a} />}
            {mine && a.progressEffectiveAt && <CorrectForm state={state} c={c} a={a} />}
            <h2>{t.actionsTitle}</h2>
            <ActionLists state={state} c={c} a={a} mine={mine} />
            {mine && <ActionForm state={state} c={c} a={a} />}
          </>
        );
      }}
    </Show>
  );
}

/** The band the figure falls in, as the lead types (the server derives the same one). */
function BandOutput({ id, progress }: { id: string; progress: number | undefined }) {
  const { t } = useWs();
  const band: ActivityStatus | undefined = progress !== undefined && progress >= 0 && progress <= 100 ? deriveStatus(progress) : undefined;
  return (
    <div class="band-output">
      <span class="label">{t.bandFollows}</span>{' '}
      <output id={id} aria-live="polite">
        {band ? <Band band={band} /> : <span class="hint">{t.bandNone}</span>}
      </output>
      <p class="hint">{t.bandRule}</p>
    </div>
  );
}

const parseFigure = (value: string): number | undefined => {
  const n = Number(value.replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(n) ? n : undefined;
};

/** The figure (0–100, a decimal comma accepted) beside the band it falls in, updated as the lead types. */
function ProgressField({
  form,
  id,
  figure,
  onFigure,
}: {
  form: Parameters<typeof Input>[0]['form'];
  id: string;
  figure: number | undefined;
  onFigure: (figure: number | undefined) => void;
}) {
  const { t } = useWs();
  return (
    <div class="row">
      <Input
        form={form}
        name="progress"
        type="number"
        label={t.progress}
        hint={t.progressHint}
        min="0"
        max="100"
        step="any"
        inputMode="decimal"
        size={6}
        onInput={(e) => onFigure(parseFigure((e.currentTarget as HTMLInputElement).value))}
      />
      <BandOutput id={id} progress={figure} />
    </div>
  );
}

function ReportForm({ state, c, a }: { state: Loaded<WsCommitmentData>; c: WsCommitmentData; a: WsActivity }) {
  const { t, fmt } = useWs();
  const [figure, setFigure] = useState<number>();
  const before = c.implementationRate;
  const form = useCommandForm<CommitmentPayload>({
    id: 'report',
    mutation: 'reportActivityProgress',
    document: commitmentMutation('reportActivityProgress', 'ReportActivityProgressInput'),
    version: c.version,
    commitmentId: c.id,
    required: { progress: t.progress },
    toInput: (d) => ({
      commitmentId: c.id,
      activityId: a.id,
      progress: num(d, 'progress'),
      note: text(d, 'note'),
      effectiveAt: text(d, 'effectiveAt'),
    }),
    onWritten: (p) => {
      state.set(p.commitment);
      setFigure(undefined);
      return `${t.savedAt(p.position)} ${t.rateMove(rateText(before, fmt.percent), rateText(p.commitment.implementationRate, fmt.percent))}`;
    },
    onConflict: state.reload,
    resetOnSuccess: true,
  });
  return (
    <form {...form.formProps} class="command-form" aria-labelledby="report-heading" onReset={() => setFigure(undefined)}>
      <h2 id="report-heading">{t.reportTitle}</h2>
      <FormFeedback form={form} />
      <ProgressField form={form} id="report-band" figure={figure} onFigure={setFigure} />
      <EffectiveAt form={form} />
      <TextArea form={form} name="note" label={t.note} optional rows={2} />
      <FormFooter form={form} label={t.submitReport} />
    </form>
  );
}

function CorrectForm({ state, c, a }: { state: Loaded<WsCommitmentData>; c: WsCommitmentData; a: WsActivity }) {
  const { t, fmt } = useWs();
  const [figure, setFigure] = useState<number>();
  const date = a.progressEffectiveAt!;
  const form = useCommandForm<CommitmentPayload>({
    id: 'correct',
    mutation: 'correctActivityProgress',
    document: commitmentMutation('correctActivityProgress', 'CorrectActivityProgressInput'),
    version: c.version,
    commitmentId: c.id,
    required: { progress: t.progress, reason: t.reason },
    // A correction takes the date of the figure it corrects.
    toInput: (d) => ({ commitmentId: c.id, activityId: a.id, progress: num(d, 'progress'), reason: text(d, 'reason'), effectiveAt: date }),
    onWritten: (p) => {
      state.set(p.commitment);
      setFigure(undefined);
    },
    onConflict: state.reload,
    resetOnSuccess: true,
  });
  return (
    <form {...form.formProps} class="command-form" aria-labelledby="correct-heading" onReset={() => setFigure(undefined)}>
      <h2 id="correct-heading">{t.correctTitle}</h2>
      <p class="hint">{t.correctIntro(fmt.day(date))}</p>
      <FormFeedback form={form} />
      <ProgressField form={form} id="correct-band" figure={figure} onFigure={setFigure} />
      <TextArea form={form} name="reason" label={t.reason} hint={t.reasonHint} rows={2} />
      <FormFooter form={form} label={t.submitCorrect} />
    </form>
  );
}

const rateText = (rate: number | null, percent: (r: number) => string) => (rate === null ? '—' : percent(rate));
