/** Hand-drawn SVG charts; every value is also written as text, so the numbers can be read and searched. */
export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const W = 720;
const H = 260;
const PAD = { top: 30, right: 16, bottom: 48, left: 40 };
const plotH = H - PAD.top - PAD.bottom;
const y = (value: number) => PAD.top + plotH * (1 - Math.max(0, Math.min(100, value)) / 100);

/** Accessible name and description of a chart (`role="img"` with `<title>` and `<desc>`). */
export interface ChartText {
  title: string;
  /** A sentence saying what the chart shows (read by screen readers); a table beside it gives the data. */
  desc?: string;
  /** Unique id prefix when several charts share a page (for aria-labelledby). */
  id?: string;
  /** Do not draw the title as text (the page shows it as a caption); it stays the accessible name. */
  hideTitle?: boolean;
}

/** The 0–100 grid is labelled with the chart's own `format`, so the axis reads like the values (the page's language: "50 %", "50%", "50‎%‎"). */
function frame(title: string, body: string, text: Omit<ChartText, 'title'> & { format: (v: number) => string }): string {
  const heading = text.hideTitle
    ? ''
    : `<text x="${W / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${escapeXml(title)}</text>`;
  const grid = [0, 25, 50, 75, 100]
    .map(
      (v) =>
        `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="10">${escapeXml(text.format(v))}</text>`,
    )
    .join('');
  const { desc, id } = text;
  const labelled = id ? ` aria-labelledby="${id}-title${desc ? ` ${id}-desc` : ''}"` : '';
  const titleEl = `<title${id ? ` id="${id}-title"` : ''}>${escapeXml(title)}</title>`;
  const descEl = desc ? `<desc${id ? ` id="${id}-desc"` : ''}>${escapeXml(desc)}</desc>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img"${labelled} viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif">${titleEl}${descEl}${heading}${grid}${body}</svg>`;
}

/** One bar per item, its rounded value printed on top. */
export function barChart(items: Array<{ label: string; value: number }>, opts: ChartText & { format: (v: number) => string }): string {
  const slot = (W - PAD.left - PAD.right) / Math.max(1, items.length);
  const bars = items
    .map((item, i) => {
      const x = PAD.left + i * slot + slot * 0.15;
      const top = y(item.value);
      return `<g><title>${escapeXml(`${item.label}: ${opts.format(item.value)}`)}</title><rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${(PAD.top + plotH - top).toFixed(1)}" fill="#2b6cb0"/><text class="value" x="${(x + slot * 0.35).toFixed(1)}" y="${(top - 3).toFixed(1)}" text-anchor="middle" font-size="10">${escapeXml(opts.format(item.value))}</text><text x="${(x + slot * 0.35).toFixed(1)}" y="${H - PAD.bottom + 14}" text-anchor="middle" font-size="10">${escapeXml(item.label)}</text></g>`;
    })
    .join('');
  return frame(opts.title, bars, opts);
}

/** The overall rate over time: a polyline with each point's value printed. */
export function lineChart(
  points: Array<{ at: string; value: number }>,
  opts: ChartText & { format: (v: number) => string; axisLabel?: (at: string) => string },
): string {
  if (points.length === 0) return frame(opts.title, '', opts);
  const t0 = Date.parse(points[0].at);
  const t1 = Date.parse(points[points.length - 1].at);
  const x = (at: string) => PAD.left + ((W - PAD.left - PAD.right) * (Date.parse(at) - t0)) / Math.max(1, t1 - t0);
  const line = `<polyline fill="none" stroke="#2b6cb0" stroke-width="2" points="${points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}"/>`;
  // Print every value where it changes, plus the last one, so the labels stay readable.
  const labelled = points.filter((p, i) => i === points.length - 1 || i === 0 || opts.format(p.value) !== opts.format(points[i - 1].value));
  const marks = labelled
    .map(
      (p) =>
        `<g><circle cx="${x(p.at).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.5" fill="#2b6cb0"/><text class="value" x="${x(p.at).toFixed(1)}" y="${(y(p.value) - 6).toFixed(1)}" text-anchor="middle" font-size="9">${escapeXml(opts.format(p.value))}</text></g>`,
    )
    .join('');
  // First and last month under the axis, anchored inwards so neither is clipped.
  const axis = (
    [
      [points[0], 'start'],
      [points[points.length - 1], 'end'],
    ] as const
  )
    .map(
      ([p, anchor]) =>
        `<text x="${x(p.at).toFixed(1)}" y="${H - PAD.bottom + 14}" text-anchor="${anchor}" font-size="10">${escapeXml(opts.axisLabel ? opts.axisLabel(p.at) : p.at.slice(0, 7))}</text>`,
    )
    .join('');
  return frame(opts.title, line + marks + axis, opts);
}
