import { useLoad, useWs } from '../../context';
import { FormFeedback, FormFooter, Input } from '../../forms/form-parts';
import { text, useCommandForm } from '../../forms/use-command-form';
import { planMutation, PLANS_WS_QUERY, type PlanPayload } from '../../queries';
import { Bidi, Rate, Show } from '../common';

interface PlansData {
  plans: Array<{
    id: string;
    title: string;
    country: string;
    period: string;
    implementationRate: number | null;
    commitments: Array<{ id: string }>;
  }>;
}

/** The coordinator's start: the plans, a new plan, the workbook upload. */
export function CoordinatorHome() {
  const { api, t, fmt, href, navigate } = useWs();
  const state = useLoad(() => api.query<PlansData>(PLANS_WS_QUERY), []);
  const form = useCommandForm<PlanPayload>({
    id: 'plan',
    mutation: 'definePlan',
    document: planMutation('definePlan', 'DefinePlanInput'),
    required: { id: t.planId, country: t.country, title: t.planTitle, period: t.period },
    toInput: (d) => ({ id: text(d, 'id'), country: text(d, 'country'), title: text(d, 'title'), period: text(d, 'period') }),
    onWritten: (p) => navigate(href({ view: 'coordinator-plan', id: p.plan.id })),
  });
  return (
    <>
      <h1>{t.plansTitle}</h1>
      <p>{t.plansIntro}</p>
      <p>
        <a href={href({ view: 'coordinator-upload' })}>{t.uploadLink}</a>
      </p>
      <Show state={state}>
        {({ plans }) => (
          <div class="table-wrap" role="region" aria-label={t.plansTitle} tabIndex={0}>
            <table class="ws-table">
              <caption class="visually-hidden">{t.plansTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.planTitle}</th>
                  <th scope="col">{t.countryColumn}</th>
                  <th scope="col">{t.periodColumn}</th>
                  <th scope="col">{t.rateColumn}</th>
                  <th scope="col" class="num">
                    {t.commitmentsColumn}
                  </th>
                </tr>
              </thead>
              <tbody>
                {plans.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a href={href({ view: 'coordinator-plan', id: p.id })}>
                        <Bidi>{p.title}</Bidi>
                      </a>{' '}
                      <span class="hint">
                        (<bdi>{p.id}</bdi>)
                      </span>
                    </th>
                    <td>
                      <Bidi>{p.country}</Bidi>
                    </td>
                    <td>
                      <Bidi>{p.period}</Bidi>
                    </td>
                    <td>
                      <Rate rate={p.implementationRate} />
                    </td>
                    <td class="num">{fmt.number(p.commitments.length)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Show>
      <form {...form.formProps} class="command-form" aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t.definePlanTitle}</h2>
        <FormFeedback form={form} />
        <Input form={form} name="id" label={t.planId} hint={t.planIdHint} />
        <Input form={form} name="title" label={t.planTitle} />
        <div class="row">
          <Input form={form} name="country" label={t.country} />
          <Input form={form} name="period" label={t.period} hint={t.periodHint} />
        </div>
        <FormFooter form={form} label={t.submitDefinePlan} />
      </form>
    </>
  );
}
