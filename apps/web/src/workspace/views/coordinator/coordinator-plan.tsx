import { useLoad, useWs, type Loaded } from '../../context';
import { EffectiveAt, FormFeedback, FormFooter, Input, Select, TextArea } from '../../forms/form-parts';
import { num, text, useCommandForm } from '../../forms/use-command-form';
import { commitmentMutation, planMutation, PLAN_WS_QUERY, type CommitmentPayload, type PlanPayload, type WsPlanData } from '../../queries';
import { Bidi, Numbered, Rate, Show } from '../common';

/** A plan being built: its axes, commitments and reporting periods, with a form for each. */
export function CoordinatorPlan({ id }: { id: string }) {
  const { api, t, fmt, href } = useWs();
  const state = useLoad(async () => {
    const res = await api.query<{ plan: WsPlanData | null }>(PLAN_WS_QUERY, { id });
    if (!res.plan) throw new Error(`plan ${id} not found`);
    return res.plan;
  }, [id]);
  return (
    <Show state={state}>
      {(plan) => (
        <>
          <p class="breadcrumb">
            <a href={href({ view: 'coordinator' })}>{t.plansTitle}</a>
          </p>
          <h1>
            <Bidi>{plan.title}</Bidi>
          </h1>
          <p class="subtitle">
            <Bidi>{plan.country}</Bidi> · <Bidi>{plan.period}</Bidi> · <bdi>{plan.id}</bdi> · {t.versionOf(fmt.number(plan.version))}
          </p>
          <div class="ws-rate">
            <span class="ws-rate-label">{t.planRate}</span> <Rate rate={plan.implementationRate} />
          </div>
          <p>
            <a href={href({ view: 'coordinator-meeting', id: plan.id })}>{t.meetingLink}</a> ·{' '}
            <a href={`/plan/${encodeURIComponent(plan.id)}`}>{t.seePublicPage}</a>
          </p>
          <h2>{t.axesTitle}</h2>
          {plan.axes.length === 0 ? (
            <p>{t.noAxes}</p>
          ) : (
            <ol class="entries">
              {plan.axes.map((a) => (
                <li key={a.id}>
                  <Bidi>{a.title}</Bidi>{' '}
                  <span class="hint">
                    (<bdi>{a.id}</bdi>)
                  </span>{' '}
                  <Rate rate={a.implementationRate} />
                </li>
              ))}
            </ol>
          )}
          <AddAxisForm state={state} plan={plan} />
          <h2>{t.commitmentsTitle}</h2>
          {plan.commitments.length === 0 ? (
            <p>{t.noCommitmentsYet}</p>
          ) : (
            <div class="table-wrap" role="region" aria-label={t.commitmentsTitle} tabIndex={0}>
              <table class="ws-table">
                <caption class="visually-hidden">{t.commitmentsTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.commitmentColumn}</th>
                    <th scope="col">{t.axis}</th>
                    <th scope="col">{t.leadOrganisation}</th>
                    <th scope="col">{t.rateColumn}</th>
                    <th scope="col" class="num">
                      {t.activitiesColumn}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {plan.commitments.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <a href={href({ view: 'coordinator-commitment', id: c.id })}>
                          <Numbered n={c.number} title={c.title} />
                        </a>
                      </th>
                      <td>
                        <Bidi>{plan.axes.find((a) => a.id === c.axis.id)?.title ?? c.axis.id}</Bidi>
                      </td>
                      <td>
                        <Bidi>{c.leadOrganisation}</Bidi>
                      </td>
                      <td>
                        <Rate rate={c.implementationRate} />
                      </td>
                      <td class="num">{fmt.number(c.activities.length)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {plan.axes.length > 0 && <RegisterForm state={state} plan={plan} />}
          <h2>{t.periodsTitle}</h2>
          {plan.periods.length === 0 ? (
            <p>{t.noPeriods}</p>
          ) : (
            <ul class="entries">
              {plan.periods.map((p) => (
                <li key={p.name}>{t.periodEnds(p.name, fmt.day(p.endsAt))}</li>
              ))}
            </ul>
          )}
          <ClosePeriodForm state={state} plan={plan} />
        </>
      )}
    </Show>
  );
}

function AddAxisForm({ state, plan }: { state: Loaded<WsPlanData>; plan: WsPlanData }) {
  const { t } = useWs();
  const form = useCommandForm<PlanPayload>({
    id: 'axis',
    mutation: 'addAxis',
    document: planMutation('addAxis', 'AddAxisInput'),
    version: plan.version,
    required: { title: t.axisTitle },
    toInput: (d) => ({ planId: plan.id, axisId: text(d, 'axisId'), title: text(d, 'title') }),
    onWritten: (p) => state.set(p.plan),
    onConflict: state.reload,
    resetOnSuccess: true,
  });
  return (
    <form {...form.formProps} class="command-form" aria-labelledby="axis-heading">
      <h3 id="axis-heading">{t.addAxisTitle}</h3>
      <FormFeedback form={form} />
      <div class="row">
        <Input form={form} name="title" label={t.axisTitle} />
        <Input form={form} name="axisId" label={t.axisId} hint={t.axisIdHint} optional />
      </div>
      <FormFooter form={form} label={t.submitAddAxis} />
    </form>
  );
}

function RegisterForm({ state, plan }: { state: Loaded<WsPlanData>; plan: WsPlanData }) {
  const { t } = useWs();
  const next = Math.max(0, ...plan.commitments.map((c) => c.number)) + 1;
  const form = useCommandForm<CommitmentPayload>({
    id: 'commitment',
    mutation: 'registerCommitment',
    document: commitmentMutation('registerCommitment', 'RegisterCommitmentInput'),
    required: { title: t.commitmentTitle, leadOrganisation: t.leadOrganisation, number: t.number },
    toInput: (d) => ({
      planId: plan.id,
      axisId: text(d, 'axisId'),
      number: num(d, 'number'),
      title: text(d, 'title'),
      leadOrganisation: text(d, 'leadOrganisation'),
      problem: text(d, 'problem'),
      description: text(d, 'description'),
    }),
    onWritten: () => state.reload(),
    resetOnSuccess: true,
  });
  return (
    <form {...form.formProps} class="command-form" aria-labelledby="commitment-heading" key={next}>
      <h3 id="commitment-heading">{t.registerTitle}</h3>
      <FormFeedback form={form} />
      <div class="row">
        <Select form={form} name="axisId" label={t.axis} options={plan.axes.map((a) => ({ value: a.id, label: a.title }))} />
        <Input form={form} name="number" type="number" label={t.number} value={next} min="1" step="1" size={4} />
      </div>
      <Input form={form} name="title" label={t.commitmentTitle} />
      <Input form={form} name="leadOrganisation" label={t.leadOrganisation} />
      <TextArea form={form} name="problem" label={t.problem} optional rows={2} />
      <TextArea form={form} name="description" label={t.description} optional rows={2} />
      <FormFooter form={form} label={t.submitRegister} />
    </form>
  );
}

function ClosePeriodForm({ state, plan }: { state: Loaded<WsPlanData>; plan: WsPlanData }) {
  const { t } = useWs();
  const form = useCommandForm<PlanPayload>({
    id: 'period',
    mutation: 'closeReportingPeriod',
    document: planMutation('closeReportingPeriod', 'CloseReportingPeriodInput'),
    version: plan.version,
    required: { name: t.periodName, endsAt: t.endsAt },
    toInput: (d) => ({ planId: plan.id, name: text(d, 'name'), endsAt: text(d, 'endsAt'), effectiveAt: text(d, 'effectiveAt') }),
    onWritten: (p) => state.set(p.plan),
    onConflict: state.reload,
    resetOnSuccess: true,
  });
  return (
    <form {...form.formProps} class="command-form" aria-labelledby="period-heading">
      <h3 id="period-heading">{t.closePeriodTitle}</h3>
      <FormFeedback form={form} />
      <div class="row">
        <Input form={form} name="name" label={t.periodName} hint={t.periodNameHint} />
        <Input form={form} name="endsAt" type="date" label={t.endsAt} />
      </div>
      <EffectiveAt form={form} />
      <FormFooter form={form} label={t.submitClose} />
    </form>
  );
}
