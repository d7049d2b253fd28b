import { ACTIVITY_STATUSES } from '@ledger/domain';
import { COMMON_LABELS, WEB_LABELS, type CommitmentSortKey } from '@ledger/i18n';
import { formatterFor, isolate } from '../format';
import type { PlanData } from '../queries';
import { hrefOf, keptParams, type PageParams, type Route } from '../route';
import { bandCounts, tableRows } from '../table-view';
import { BAND_SYMBOLS } from './band-badge';
import { RateBar } from './rate-bar';

const COLUMNS: CommitmentSortKey[] = ['number', 'title', 'axis', 'lead', 'rate', ...ACTIVITY_STATUSES];

/** The band ranges as printed in the report, as short column headings. */
const RANGES = { NOT_STARTED: '0 %', LIMITED: '1–59 %', SUBSTANTIAL: '60–90 %', COMPLETE: '90–100 %' } as const;

/** Sortable column header: a real link (works without JavaScript), aria-sort on the sorted one. */
function SortHeader({
  column,
  route,
  params,
  onParams,
  rowSpan,
}: {
  column: CommitmentSortKey;
  route: Route;
  params: PageParams;
  onParams?: (p: PageParams) => void;
  rowSpan?: number;
}) {
  const labels = WEB_LABELS[params.lang];
  const current = (params.sort ?? 'number') === column;
  const dir = params.dir ?? 'asc';
  const next: PageParams = { ...params, sort: column, dir: current && dir === 'asc' ? 'desc' : 'asc' };
  const band = (ACTIVITY_STATUSES as readonly string[]).includes(column) ? (column as keyof typeof RANGES) : undefined;
  return (
    <th
      scope="col"
      rowSpan={rowSpan}
      aria-sort={current ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
      class={band ? 'num band-col' : column === 'number' || column === 'rate' ? 'num' : `col-${column}`}
    >
      <a
        href={hrefOf(route, next)}
        onClick={
          onParams &&
          ((e) => {
            e.preventDefault();
            onParams(next);
          })
        }
      >
        {band ? (
          <>
            <span aria-hidden="true">
              {BAND_SYMBOLS[band]} {RANGES[band]}
            </span>
            <span class="visually-hidden">{labels.columns[band]}</span>
          </>
        ) : (
          labels.columns[column]
        )}
        {current && <span class="visually-hidden">, {dir === 'asc' ? labels.sortedAscending : labels.sortedDescending}</span>}
        {current && <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>}
      </a>
    </th>
  );
}

/** The filter form: GET parameters without JavaScript, instant filtering with it. */
export function CommitmentFilters({
  plan,
  route,
  params,
  onParams,
}: {
  plan: PlanData;
  route: Route;
  params: PageParams;
  onParams?: (p: PageParams) => void;
}) {
  const labels = WEB_LABELS[params.lang];
  const bands = COMMON_LABELS[params.lang].bands;
  const read = (form: { elements: unknown }): PageParams => {
    const el = form.elements as Record<string, { value: string } | undefined>;
    const value = (name: string) => el[name]?.value || undefined;
    return { ...params, axis: value('axis'), band: value('band') as PageParams['band'], q: value('q') };
  };
  const update =
    onParams &&
    ((e: { currentTarget: unknown; preventDefault(): void }) => {
      e.preventDefault();
      const target = e.currentTarget as { form?: { elements: unknown }; elements?: unknown };
      onParams(read((target.form ?? target) as { elements: unknown }));
    });
  return (
    <form class="filters" method="get" action={hrefOf(route, {})} role="search" onSubmit={update}>
      <fieldset>
        <legend>{labels.filtersLegend}</legend>
        {params.lang !== 'fr' && <input type="hidden" name="lang" value={params.lang} />}
        {params.asOf && <input type="hidden" name="asOf" value={params.asOf} />}
        {params.sort && <input type="hidden" name="sort" value={params.sort} />}
        {params.dir && <input type="hidden" name="dir" value={params.dir} />}
        <div class="field">
          <label for="filter-axis">{labels.filterAxis}</label>
          <select id="filter-axis" name="axis" value={params.axis ?? ''} onChange={update}>
            <option value="">{labels.allAxes}</option>
            {plan.axes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.order} — {isolate(a.title)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-band">{labels.filterBand}</label>
          <select id="filter-band" name="band" value={params.band ?? ''} onChange={update}>
            <option value="">{labels.allBands}</option>
            {ACTIVITY_STATUSES.map((b) => (
              <option key={b} value={b}>
                {BAND_SYMBOLS[b]} {bands[b]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-q">{labels.search}</label>
          <input id="filter-q" name="q" type="search" value={params.q ?? ''} aria-describedby="filter-q-hint" onInput={update} />
          <span id="filter-q-hint" class="hint">
            {labels.searchHint}
          </span>
        </div>
        <div class="actions">
          <button type="submit">{labels.apply}</button>
          <a href={hrefOf(route, keptParams(params))}>{labels.reset}</a>
        </div>
      </fieldset>
    </form>
  );
}

/** The commitments table: number, title, axis, lead organisation, rate bar, activities per band. */
export function CommitmentsTable(props: {
  plan: PlanData;
  route: Route;
  params: PageParams;
  changed: ReadonlySet<string>;
  onParams?: (p: PageParams) => void;
}) {
  const { plan, route, params, changed, onParams } = props;
  const labels = WEB_LABELS[params.lang];
  const fmt = formatterFor(params.lang);
  const rows = tableRows(plan, params);
  const axisOrder = new Map(plan.axes.map((a) => [a.id, a]));
  return (
    <div class="table-wrap" role="region" aria-labelledby="commitments-caption" tabIndex={0}>
      <table class="commitments">
        <caption id="commitments-caption">{labels.tableCaption(fmt.number(rows.length), fmt.number(plan.commitments.length))}</caption>
        <thead>
          <tr>
            {COLUMNS.slice(0, 5).map((c) => (
              <SortHeader key={c} column={c} route={route} params={params} onParams={onParams} rowSpan={2} />
            ))}
            <th scope="colgroup" colSpan={4} class="band-group">
              {labels.bandsColumn}
            </th>
          </tr>
          <tr>
            {COLUMNS.slice(5).map((c) => (
              <SortHeader key={c} column={c} route={route} params={params} onParams={onParams} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const { bands } = bandCounts([c]);
            const axis = axisOrder.get(c.axis.id);
            return (
              <tr key={c.id} id={`c-${c.number}`} class={changed.has(c.id) ? 'changed' : undefined} data-position={c.lastPosition ?? ''}>
                <td class="num">{fmt.number(c.number)}</td>
                <th scope="row" dir="auto">
                  <a href={hrefOf({ page: 'commitment', id: c.id }, keptParams(params))}>{c.title}</a>
                </th>
                <td class="col-axis">
                  <span aria-hidden="true">{axis ? fmt.number(axis.order) : c.axis.id}</span>
                  <span class="visually-hidden">{axis ? `${fmt.number(axis.order)}. ${axis.title}` : c.axis.id}</span>
                </td>
                <td dir="auto">{c.leadOrganisation}</td>
                <td class="num">
                  <RateBar rate={c.implementationRate} fmt={fmt} noRate={labels.noRate} />
                </td>
                {ACTIVITY_STATUSES.map((b) => (
                  <td key={b} class="num band-col">
                    {fmt.number(bands[b])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p class="empty">{labels.noMatch}</p>}
    </div>
  );
}
