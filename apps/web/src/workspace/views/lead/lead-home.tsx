import { useLoad, useWs } from '../../context';
import { LEAD_HOME_QUERY } from '../../queries';
import { Bidi, Numbered, Rate, Show } from '../common';

interface LeadHomeData {
  me: {
    sub: string;
    commitments: Array<{
      id: string;
      planId: string;
      number: number;
      title: string;
      implementationRate: number | null;
      version: number;
      lastUpdatedAt: string | null;
      activities: Array<{ id: string }>;
    }>;
  };
  plans: Array<{ id: string; title: string }>;
}

/** "My commitments": what the ledger's assignments give this user to report on. */
export function LeadHome() {
  const { api, t, fmt, href } = useWs();
  const state = useLoad(() => api.query<LeadHomeData>(LEAD_HOME_QUERY), []);
  return (
    <>
      <h1>{t.myCommitmentsTitle}</h1>
      <Show state={state}>
        {({ me, plans }) => {
          const planTitle = new Map(plans.map((p) => [p.id, p.title]));
          if (me.commitments.length === 0) return <p class="banner">{t.noCommitments(me.sub)}</p>;
          return (
            <>
              <p>{t.myCommitmentsIntro}</p>
              <div class="table-wrap" role="region" aria-label={t.myCommitmentsTitle} tabIndex={0}>
                <table class="ws-table">
                  <caption class="visually-hidden">{t.myCommitmentsTitle}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.commitmentColumn}</th>
                      <th scope="col">{t.planColumn}</th>
                      <th scope="col">{t.rateColumn}</th>
                      <th scope="col" class="num">
                        {t.activitiesColumn}
                      </th>
                      <th scope="col">{t.lastUpdateColumn}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {me.commitments.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          <a href={href({ view: 'lead-commitment', id: c.id })}>
                            <Numbered n={c.number} title={c.title} />
                          </a>
                        </th>
                        <td>
                          <Bidi>{planTitle.get(c.planId) ?? c.planId}</Bidi>
                        </td>
                        <td>
                          <Rate rate={c.implementationRate} />
                        </td>
                        <td class="num">{fmt.number(c.activities.length)}</td>
                        <td>{c.lastUpdatedAt ? fmt.dateTime(c.lastUpdatedAt) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Show>
    </>
  );
}
