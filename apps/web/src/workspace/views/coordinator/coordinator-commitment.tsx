import { isolate } from '@ledger/web-ui';
import { useState } from 'preact/hooks';
import { commitmentRate, meanRate } from '@ledger/domain';
import { useLoad, useWs, type Loaded } from '../../context';
import { EffectiveAt, FormFeedback, FormFooter, Input, Select, TextArea } from '../../forms/form-parts';
import { num, text, useCommandForm } from '../../forms/use-command-form';
import {
  commitmentMutation,
  COORDINATOR_COMMITMENT_QUERY,
  type CommitmentPayload,
  type WsActivity,
  type WsCommitmentData,
} from '../../queries';
import { Band, Bidi, Numbered, Rate, Show } from '../common';
import { withCommitment, type CoordinatorData } from './coordinator-data';
import { LeadsSection } from './coordinator-leads';

const planOf = (id: string) => id.slice(0, id.lastIndexOf('.'));

/** A commitment for its coordinator: activities and weights (with the effect on the rates), lifecycle, leads. */
export function CoordinatorCommitment({ id }: { id: string }) {
  const { api, t, fmt, href } = useWs();
  const state = useLoad(async () => {
    const res = await api.query<{ commitment: WsCommitmentData | null; plan: CoordinatorData['plan'] | null }>(
      COORDINATOR_COMMITMENT_QUERY,
      {
        id,
        planId: planOf(id),
      },
    );
    if (!res.commitment || !res.plan) throw new Error(`commitment ${id} not found`);
    return res as CoordinatorData;
  }, [id]);
  return (
    <Show state={state}>
      {({ commitment: c, plan }) => (
        <>
          <p class="breadcrumb">
            <a href={href({ view: 'coordinator' })}>{t.plansTitle}</a> ›{' '}
            <a href={href({ view: 'coordinator-plan', id: plan.id })}>
              <Bidi>{plan.title}</Bidi>
            </a>
          </p>
          <h1>
            <Numbered n={c.number} title={c.title} />
          </h1>
          <p class="subtitle">
            <Bidi>{c.leadOrganisation}</Bidi> · <Bidi>{c.axis.title}</Bidi> · {t.versionOf(fmt.number(c.version))}
          </p>
          <div class="ws-rate" id="commitment-rate">
            <span class="ws-rate-label">{t.commitmentRate}</span> <Rate rate={c.implementationRate} />
          </div>
          <h2>{t.activitiesTitle}</h2>
          {c.activities.map((a) => (
            <article class="activity-card" key={a.id} id={`activity-${a.number}`} aria-labelledby={`activity-${a.number}-title`}>
              <h3 id={`activity-${a.number}-title`}>
                <Numbered n={a.number} title={a.title} />
              </h3>
              <p>
                {t.weightColumn} {fmt.number(a.weight)} · {t.progressColumn} {fmt.percent(a.progress)} · <Band band={a.status} /> ·{' '}
                {t.lifecycleNames[a.lifecycle]}
                {a.lifecycleReason && <span class="hint"> ({a.lifecycleReason})</span>}
              </p>
              {a.lifecycle !== 'CANCELLED' && (
                <div class="card-forms">
                  <WeightForm state={state} c={c} a={a} plan={plan} />
                  <LifecycleForm state={state} c={c} a={a} />
                </div>
              )}
            </article>
          ))}
          <PlanActivityForm state={state} c={c} />
          <LeadsSection state={state} c={c} />
        </>
      )}
    </Show>
  );
}

function WeightForm({
  state,
  c,
  a,
  plan,
}: {
  state: Loaded<CoordinatorData>;
  c: WsCommitmentData;
  a: WsActivity;
  plan: CoordinatorData['plan'];
}) {
  const { t, fmt } = useWs();
  const [weight, setWeight] = useState<number>(a.weight);
  const id = `weight-${a.number}`;
  const form = useCommandForm<CommitmentPayload>({
    id,
    mutation: 'setActivityWeight',
    document: commitmentMutation('setActivityWeight', 'SetActivityWeightInput'),
    version: c.version,
    commitmentId: c.id,
    required: { weight: t.weight },
    toInput: (d) => ({ commitmentId: c.id, activityId: a.id, weight: num(d, 'weight'), effectiveAt: text(d, 'effectiveAt') }),
    onWritten: withCommitment(state),
    onConflict: state.reload,
  });
  // The preview: the same formula as the ledger (libs/ledger rates), on the figures shown.
  const valid = Number.isFinite(weight) && weight > 0;
  const after = valid
    ? commitmentRate(
        c.activities.map((x) => ({
          weight: x.id === a.id ? weight : x.weight,
          progress: x.progress,
          cancelled: x.lifecycle === 'CANCELLED',
        })),
      )
    : c.implementationRate;
  const planAfter = meanRate(plan.commitments.map((x) => (x.id === c.id ? after : x.implementationRate)));
  const pct = (r: number | null) => (r === null ? '—' : fmt.percent(r));
  return (
    <form {...form.formProps} class="command-form compact" aria-label={t.setWeightTitle(isolate(a.title))}>
      <FormFeedback form={form} />
      <Input
        form={form}
        name="weight"
        type="number"
        label={t.weight}
        hint={t.weightHint}
        value={a.weight}
        min="0"
        step="any"
        size={6}
        onInput={(e) => setWeight(Number((e.currentTarget as HTMLInputElement).value))}
      />
      <p class="preview" aria-live="polite" id={`${id}-preview`}>
        {t.previewCommitment(pct(c.implementationRate), pct(after))}
        <br />
        {t.previewPlan(pct(plan.implementationRate), pct(planAfter))}
      </p>
      <FormFooter form={form} label={t.submitWeight} />
    </form>
  );
}

function LifecycleForm({ state, c, a }: { state: Loaded<CoordinatorData>; c: WsCommitmentData; a: WsActivity }) {
  const { t } = useWs();
  const id = `lifecycle-${a.number}`;
  const actions = a.lifecycle === 'SUSPENDED' ? (['resume', 'cancel'] as const) : (['suspend', 'cancel'] as const);
  const form = useCommandForm<CommitmentPayload>({
    id,
    mutation: 'lifecycle',
    document: '',
    version: c.version,
    commitmentId: c.id,
    required: { reason: t.reason },
    toInput: (d) => ({
      action: text(d, 'action'),
      commitmentId: c.id,
      activityId: a.id,
      reason: text(d, 'reason'),
      effectiveAt: text(d, 'effectiveAt'),
    }),
    onWritten: withCommitment(state),
    onConflict: state.reload,
    resetOnSuccess: true,
    route: (input) => {
      const name = `${String(input.action)}Activity`;
      const { action: _action, ...rest } = input;
      return { mutation: name, document: commitmentMutation(name, 'ActivityLifecycleInput'), input: rest };
    },
  });
  return (
    <form {...form.formProps} class="command-form compact" aria-label={t.lifecycleTitle(isolate(a.title))}>
      <FormFeedback form={form} />
      <Select
        form={form}
        name="action"
        label={t.lifecycleAction}
        options={actions.map((x) => ({ value: x, label: t.lifecycleActions[x] }))}
      />
      <TextArea form={form} name="reason" label={t.reason} hint={t.reasonHint} rows={2} />
      <p class="hint">{t.cancelledNote}</p>
      <EffectiveAt form={form} />
      <FormFooter form={form} label={t.submitLifecycle} />
    </form>
  );
}

function PlanActivityForm({ state, c }: { state: Loaded<CoordinatorData>; c: WsCommitmentData }) {
  const { t } = useWs();
  const form = useCommandForm<CommitmentPayload>({
    id: 'activity',
    mutation: 'planActivity',
    document: commitmentMutation('planActivity', 'PlanActivityInput'),
    version: c.version,
    commitmentId: c.id,
    required: { title: t.activityName, weight: t.weight },
    toInput: (d) => ({ commitmentId: c.id, title: text(d, 'title'), weight: num(d, 'weight'), effectiveAt: text(d, 'effectiveAt') }),
    onWritten: withCommitment(state),
    onConflict: state.reload,
    resetOnSuccess: true,
  });
  return (
    <form {...form.formProps} class="command-form" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t.planActivityTitle}</h2>
      <FormFeedback form={form} />
      <div class="row">
        <Input form={form} name="title" label={t.activityName} />
        <Input form={form} name="weight" type="number" label={t.weight} hint={t.weightHint} value={1} min="0" step="any" size={6} />
      </div>
      <EffectiveAt form={form} />
      <FormFooter form={form} label={t.submitPlanActivity} />
    </form>
  );
}
