import type { ActivityLifecycle } from '../commitment/commitment.state';
import type { ActivityStatus } from './status-band';

/** What a commitment list filters on (the API's `commitments(...)` and the public page alike). */
export interface CommitmentFilter {
  axisId?: string;
  /** Commitments with at least one activity in this band (cancelled activities aside). */
  band?: ActivityStatus;
  /** Words to find in the title or the lead organisation (case and accents ignored). */
  search?: string;
}

/** The fields the filter reads (a read-model view or a page's GraphQL data fit). */
export interface FilterableCommitment {
  axisId?: string;
  axis?: { id: string };
  title: string;
  leadOrganisation: string;
  activities: ReadonlyArray<{ status: ActivityStatus; lifecycle: ActivityLifecycle }>;
}

/** Lower case without diacritics, so "realisation" finds "Réalisation" (and Arabic is left as is). */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function matchesCommitmentFilter(c: FilterableCommitment, filter: CommitmentFilter): boolean {
  const axisId = c.axisId ?? c.axis?.id;
  if (filter.axisId !== undefined && axisId !== filter.axisId) return false;
  if (filter.band !== undefined && !c.activities.some((a) => a.lifecycle !== 'CANCELLED' && a.status === filter.band)) return false;
  const words = foldText(filter.search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length > 0) {
    const haystack = foldText(`${c.title} ${c.leadOrganisation}`);
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}
