import { ACTIVITY_STATUSES } from '@ledger/domain';
import { COMMON_LABELS, WEB_LABELS } from '@ledger/i18n';
import { formatterFor } from '../format';
import type { CommitmentData, PlanData } from '../queries';
import { hrefOf, type PageParams } from '../route';
import { bandCounts } from '../table-view';
import { BandBadge } from './band-badge';
import { RateBar } from './rate-bar';

/** Compact widgets for other sites: the rates, "last updated", and a link to the full page. */
export function EmbedPlan({ plan, params }: { plan: PlanData; params: PageParams }) {
  const labels = WEB_LABELS[params.lang];
  const fmt = formatterFor(params.lang);
  return (
    <main id="main" class="embed">
      <h1>{plan.title}</h1>
      <p class="big-rate">
        <span class="label">{labels.overall}</span> <RateBar rate={plan.implementationRate} fmt={fmt} noRate={labels.noRate} />
      </p>
      <table class="axes">
        <caption>{labels.byAxis}</caption>
        <tbody>
          {plan.axes.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <span class="axis-num">{fmt.number(a.order)}</span> <span dir="auto">{a.title}</span>
              </th>
              <td class="num">
                <RateBar rate={a.implementationRate} fmt={fmt} noRate={labels.noRate} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <EmbedFooter
        href={hrefOf({ page: 'plan', id: plan.id }, { lang: params.lang })}
        at={plan.lastUpdatedAt}
        position={plan.lastPosition}
        params={params}
      />
    </main>
  );
}

export function EmbedCommitment({ commitment: c, params }: { commitment: CommitmentData; params: PageParams }) {
  const labels = WEB_LABELS[params.lang];
  const common = COMMON_LABELS[params.lang];
  const fmt = formatterFor(params.lang);
  const { bands } = bandCounts([c]);
  return (
    <main id="main" class="embed">
      <h1>{c.title}</h1>
      <p class="big-rate">
        <span class="label">{common.implementationRate}</span> <RateBar rate={c.implementationRate} fmt={fmt} noRate={labels.noRate} />
      </p>
      <ul class="band-list">
        {ACTIVITY_STATUSES.map((b) => (
          <li key={b}>
            <BandBadge band={b} label={common.bands[b]} /> <span class="count">{labels.bandCount(bands[b], fmt.number(bands[b]))}</span>
          </li>
        ))}
      </ul>
      <EmbedFooter
        href={hrefOf({ page: 'commitment', id: c.id }, { lang: params.lang })}
        at={c.lastUpdatedAt}
        position={c.lastPosition}
        params={params}
      />
    </main>
  );
}

function EmbedFooter({ href, at, position, params }: { href: string; at: string | null; position: string | null; params: PageParams }) {
  const labels = WEB_LABELS[params.lang];
  const fmt = formatterFor(params.lang);
  return (
    <footer>
      <p class="last-updated">{at && position ? labels.lastUpdated(fmt.dateTime(at), position) : labels.neverUpdated}</p>
      <p>
        <a href={href} target="_blank" rel="noopener">
          {labels.openFullPage}
        </a>
      </p>
    </footer>
  );
}
