import { barChart, escapeXml, lineChart } from '@ledger/charts';
import { directionOf } from '@ledger/i18n';
import { reportLocale } from './intl-format';
import type { Block } from './report-document';
import type { ReportInput, ReportLang } from './report-input';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1a202c}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #cbd5e0;padding:.3rem .5rem;vertical-align:top;text-align:start}
th{background:#edf2f7}.bands span{margin-inline-end:1.2rem;white-space:nowrap}.chart{margin:1rem 0}p.em{font-weight:600}
[dir=rtl] body{font-family:"Noto Naskh Arabic","Noto Sans Arabic",Tahoma,system-ui,sans-serif}
.chart svg{direction:ltr}code{unicode-bidi:isolate;direction:ltr}`;

/** Text with its line breaks kept. */
const text = (t: string): string => escapeXml(t).replace(/\r?\n/g, '<br/>');

function charts(input: ReportInput, lang: ReportLang): Record<'commitments' | 'axes' | 'history', string> {
  const { labels, pct, month } = reportLocale(lang);
  const format = (v: number) => pct(v);
  return {
    commitments: barChart(
      input.plan.commitments.map((c) => ({ label: String(c.number), value: c.implementationRate ?? 0 })),
      { title: labels.chartCommitments, format },
    ),
    axes: barChart(
      input.plan.axes.map((a) => ({ label: a.title.length > 24 ? `${a.title.slice(0, 23)}…` : a.title, value: a.implementationRate ?? 0 })),
      { title: labels.chartAxes, format },
    ),
    history: lineChart(
      input.rateHistory.map((p) => ({ at: p.at, value: p.implementationRate ?? 0 })),
      { title: labels.chartHistory, format, axisLabel: month },
    ),
  };
}

function block(b: Block, svg: Record<string, string>): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${text(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.emphasis ? ' class="em"' : ''}>${text(b.text)}</p>`;
    case 'table':
      return `<table><thead><tr>${b.headers.map((h) => `<th>${text(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${text(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    case 'bands':
      return `<p class="bands">${b.items.map((i) => `<span>${i.ticked ? '☒' : '☐'} ${text(i.label)}</span>`).join('')}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${text(i)}</li>`).join('')}</ul>`;
    case 'chart':
      return `<div class="chart">${svg[b.chart]}</div>`;
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** A standalone, well-formed (XHTML-compatible) HTML5 page with inline SVG charts. */
export function renderHtml(blocks: Block[], input: ReportInput, lang: ReportLang): string {
  const svg = charts(input, lang);
  const title = blocks.find((b) => b.kind === 'heading');
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}" dir="${directionOf(lang)}">
<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>${title && title.kind === 'heading' ? text(title.text) : ''}</title><style>${STYLE}</style></head>
<body>
${blocks.map((b) => block(b, svg)).join('\n')}
</body>
</html>
`;
}
