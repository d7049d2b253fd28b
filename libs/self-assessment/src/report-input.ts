import type { PlanView } from '@ledger/projections';

export type ReportLang = 'fr' | 'en';
export type ReportFormat = 'md' | 'html';

/** Everything a self-assessment report shows, read from the ledger. */
export interface ReportInput {
  plan: PlanView;
  /** The report as it would have been on that date (ISO); absent: as the ledger stands. */
  asOf?: string;
  generatedAt: string;
  /** Overall plan rate by effective date, for the chart. */
  rateHistory: Array<{ at: string; implementationRate: number | null }>;
  /** E.g. the bundled plan's note that its weights are reconstructed. */
  note?: string;
}
