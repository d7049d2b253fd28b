import type { WebLabels } from '@ledger/i18n';
import type { Formatter } from '../format';
import { hrefOf, type PageParams, type Route } from '../route';

/** A real GET form (works without JavaScript): ?asOf=YYYY-MM-DD shows the page as effective that day. */
export function TimeTravel({ route, params, labels }: { route: Route; params: PageParams; labels: WebLabels }) {
  return (
    <form class="time-travel" method="get" action={hrefOf(route, {})}>
      <fieldset>
        <legend>{labels.timeTravelLegend}</legend>
        {params.lang !== 'fr' && <input type="hidden" name="lang" value={params.lang} />}
        <label for="asOf">{labels.timeTravelDate}</label>
        <input id="asOf" name="asOf" type="date" value={params.asOf ?? ''} required />
        <button type="submit">{labels.timeTravelShow}</button>
        {params.asOf && <a href={hrefOf(route, { lang: params.lang })}>{labels.backToNow}</a>}
      </fieldset>
    </form>
  );
}

/** Says plainly that the page shows the past and is not live. */
export function AsOfBanner({ params, labels, fmt }: { params: PageParams; labels: WebLabels; fmt: Formatter }) {
  return (
    <div class="banner" role="note">
      {params.asOf && <strong>{labels.asOfBanner(fmt.day(params.asOf))}</strong>} {labels.asOfNotLive}
    </div>
  );
}
