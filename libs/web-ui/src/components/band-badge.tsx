import type { ActivityStatus } from '@ledger/domain';

/** A shape per band, so the band is never told by colour alone (the text says it too). */
export const BAND_SYMBOLS: Record<ActivityStatus, string> = { NOT_STARTED: '○', LIMITED: '◔', SUBSTANTIAL: '◑', COMPLETE: '●' };

export function BandBadge({ band, label }: { band: ActivityStatus; label: string }) {
  return (
    <span class={`band band-${band.toLowerCase()}`}>
      <span aria-hidden="true">{BAND_SYMBOLS[band]}</span> {label}
    </span>
  );
}
