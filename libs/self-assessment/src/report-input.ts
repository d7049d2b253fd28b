import type { Lang } from '@ledger/i18n';
import type { PlanView } from '@ledger/projections';

export type ReportLang = Lang;
export type ReportFormat = 'md' | 'html';

/** What the report was built from: anyone holding a ledger with this head can rebuild it. */
export interface ReportProvenance {
  /** Log position the report reflects. */
  position: string;
  /** Hash of the event at that position (the hash chain's head there). */
  hash: string;
}

/** Everything a self-assessment report shows, read from the ledger. */
export interface ReportInput {
  plan: PlanView;
  /** The report as it would have been on that date (ISO); absent: as the ledger stands. */
  asOf?: string;
  generatedAt: string;
  /** Overall plan rate by effective date, for the chart. */
  rateHistory: Array<{ at: string; implementationRate: number | null }>;
  /** E.g. the bundled plan's note on what it reconstructs: one text, or one per language. */
  note?: string | Partial<Record<Lang, string>>;
  provenance?: ReportProvenance;
}
