import type { Formatter } from '../format';

/** One rate pattern everywhere: the figure as text, then a bar (decorative: the text says it all). */
export function RateBar({ rate, fmt, noRate }: { rate: number | null; fmt: Formatter; noRate: string }) {
  if (rate === null) return <span class="rate rate-none">{noRate}</span>;
  const width = Math.max(0, Math.min(100, rate));
  return (
    <span class="rate">
      <span class="rate-text">{fmt.percent(rate)}</span>
      <svg class="rate-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect class="rate-track" width="100" height="8" />
        <rect class="rate-fill" width={width.toFixed(2)} height="8" />
      </svg>
    </span>
  );
}
