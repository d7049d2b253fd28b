import { WEB_LABELS } from '@ledger/i18n';
import { formatterFor } from '../format';
import type { PlanSummary } from '../queries';
import { hrefOf, keptParams, type PageParams } from '../route';
import { RateBar } from './rate-bar';

/** The plans, when there are several (one plan goes straight to its overview). */
export function PlansIndex({ plans, params }: { plans: PlanSummary[]; params: PageParams }) {
  const labels = WEB_LABELS[params.lang];
  const fmt = formatterFor(params.lang);
  return (
    <>
      <h1>{labels.plansTitle}</h1>
      <p>{labels.plansIntro}</p>
      {plans.length === 0 ? (
        <p>{labels.noPlans}</p>
      ) : (
        <ul class="plan-cards">
          {plans.map((p) => (
            <li key={p.id} class="plan-card">
              <h2>
                <a href={hrefOf({ page: 'plan', id: p.id }, keptParams(params))}>{p.title}</a>
              </h2>
              <p>
                {p.country} — {labels.planSummary(fmt.number(p.commitments.length), p.period)}
              </p>
              <p>
                <span class="label">{labels.overall}</span> <RateBar rate={p.implementationRate} fmt={fmt} noRate={labels.noRate} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
