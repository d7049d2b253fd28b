import type { ActivityLifecycle, ActivityStatus } from '@ledger/domain';

/** OGP Independent Reporting Mechanism completion levels (API.md `irmCompletion`). */
export type IrmCompletionLevel = 'NOT_STARTED' | 'LIMITED' | 'SUBSTANTIAL' | 'COMPLETE' | 'NO_EVIDENCE';
export type ActionKindKey = 'DONE' | 'NOT_DONE' | 'ADDITIONAL';

/**
 * Words shared by the self-assessment report and the web pages, one catalogue per language with
 * the same keys. Section-specific labels live beside it (`<lang>/report.ts`, `<lang>/web.ts`).
 */
export interface CommonLabels {
  plan: string;
  axis: string;
  commitment: string;
  activity: string;
  weight: string;
  progress: string;
  implementationRate: string;
  leadOrganisation: string;
  /** The report's status bands, as printed in its ☐/☒ lists. */
  bands: Record<ActivityStatus, string>;
  lifecycle: Record<ActivityLifecycle, string>;
  actionKinds: Record<ActionKindKey, string>;
  irm: Record<IrmCompletionLevel, string>;
}
