import { endOfDay, wsPath } from '@ledger/web-ui';
import { useLoad, useWs } from '../../context';
import { COMPARE_COMMITMENT_QUERY, COMPARE_PLAN_QUERY } from '../../queries';
import { Band, Bidi, Show } from '../common';

interface Row {
  key: string;
  label: string;
  now?: { rate: number | null; detail?: string };
  then?: { rate: number | null; detail?: string };
  band?: { now?: string; then?: string };
}
type Side = {
  id: string;
  title: string;
  implementationRate: number | null;
  commitments?: Side[];
  activities?: Array<{ id: string; number: number; title: string; progress: number; status: string; weight: number; lifecycle: string }>;
  number?: number;
};

/** The same plan or commitment on the same effective date, as known now and as known on another day, side by side. */
export function AuditCompare() {
  const { api, t, fmt, loc } = useWs();
  const { id, effective, known } = loc.query;
  const ready = Boolean(id && effective && known);
  const commitment = Boolean(id && /\.\d+$/.test(id));
  const state = useLoad(async () => {
    if (!ready) return undefined;
    const now = { effectiveAt: endOfDay(effective!) };
    const then = { effectiveAt: endOfDay(effective!), knownAt: endOfDay(known!) };
    return api.query<{ now: Side | null; then: Side | null }>(commitment ? COMPARE_COMMITMENT_QUERY : COMPARE_PLAN_QUERY, {
      id,
      now,
      then,
    });
  }, [id, effective, known]);
  const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : fmt.percent(r));
  return (
    <>
      <h1>{t.compareTitle}</h1>
      <p>{t.compareIntro}</p>
      <form method="get" action={wsPath({ view: 'audit-compare' })} class="filters">
        {loc.lang !== 'fr' && <input type="hidden" name="lang" value={loc.lang} />}
        <div class="row">
          <div class="field">
            <label for="c-id">{t.compareTarget}</label>
            <input id="c-id" name="id" defaultValue={id ?? ''} required dir="ltr" autoComplete="off" />
          </div>
          <div class="field">
            <label for="c-effective">{t.compareEffective}</label>
            <input id="c-effective" name="effective" type="date" defaultValue={effective ?? ''} required />
          </div>
          <div class="field">
            <label for="c-known">{t.compareKnown}</label>
            <input id="c-known" name="known" type="date" defaultValue={known ?? ''} required />
          </div>
        </div>
        <button type="submit">{t.compareNow}</button>
      </form>
      {ready && (
        <Show state={state}>
          {(data) => {
            if (!data?.now && !data?.then) return <p class="banner">{t.notFoundTarget(id!)}</p>;
            const rows = rowsOf(data.now, data.then, commitment);
            const colNow = t.columnKnownNow(fmt.day(effective!));
            const colThen = t.columnKnownAt(fmt.day(effective!), fmt.day(known!));
            return (
              <div class="table-wrap" role="region" aria-label={t.compareTitle} tabIndex={0}>
                <table class="ws-table compare">
                  <caption>
                    <Bidi>{data.now?.title ?? data.then?.title}</Bidi>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{commitment ? t.activitiesColumn : t.commitmentColumn}</th>
                      <th scope="col">{colThen}</th>
                      <th scope="col">{colNow}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => {
                      const differs = pct(r.now?.rate) !== pct(r.then?.rate);
                      return (
                        <tr key={r.key} class={differs ? 'differs' : undefined}>
                          <th scope="row">
                            <Bidi>{r.label}</Bidi>
                            {differs && <strong class="differs-tag"> — {t.differs}</strong>}
                          </th>
                          <td>
                            {pct(r.then?.rate)} {r.band?.then && <Band band={r.band.then as never} />}
                          </td>
                          <td>
                            {pct(r.now?.rate)} {r.band?.now && <Band band={r.band.now as never} />}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            );
          }}
        </Show>
      )}
    </>
  );
}

/** The lines of the comparison: the whole, then each commitment (plan) or activity (commitment), matched by id. */
function rowsOf(now: Side | null, then: Side | null, commitment: boolean): Row[] {
  const rows: Row[] = [
    {
      key: 'total',
      label: (now ?? then)!.title,
      now: now ? { rate: now.implementationRate } : undefined,
      then: then ? { rate: then.implementationRate } : undefined,
    },
  ];
  if (commitment) {
    const ids = [...new Set([...(then?.activities ?? []), ...(now?.activities ?? [])].map((a) => a.id))];
    for (const aid of ids) {
      const a = now?.activities?.find((x) => x.id === aid);
      const b = then?.activities?.find((x) => x.id === aid);
      const any = (a ?? b)!;
      rows.push({
        key: aid,
        label: `${any.number}. ${any.title}`,
        now: a ? { rate: a.progress } : undefined,
        then: b ? { rate: b.progress } : undefined,
        band: { now: a?.status, then: b?.status },
      });
    }
  } else {
    const ids = [...new Set([...(then?.commitments ?? []), ...(now?.commitments ?? [])].map((c) => c.id))];
    for (const cid of ids) {
      const a = now?.commitments?.find((x) => x.id === cid);
      const b = then?.commitments?.find((x) => x.id === cid);
      const any = (a ?? b)!;
      rows.push({
        key: cid,
        label: `${any.number}. ${any.title}`,
        now: a ? { rate: a.implementationRate } : undefined,
        then: b ? { rate: b.implementationRate } : undefined,
      });
    }
  }
  return rows;
}
