import type { ComponentChildren } from 'preact';

/** A chart (inline SVG from libs/charts, with its title and description) and the same data as a table. */
export function ChartFigure({
  svg,
  caption,
  tableLabel,
  children,
}: {
  svg: string;
  caption: string;
  tableLabel: string;
  children: ComponentChildren;
}) {
  return (
    <figure class="chart-figure">
      <figcaption>{caption}</figcaption>
      <div class="chart" dangerouslySetInnerHTML={{ __html: svg }} />
      <details class="chart-data" open>
        <summary>{tableLabel}</summary>
        {children}
      </details>
    </figure>
  );
}
