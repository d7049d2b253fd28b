/**
 * The self-assessment report's own wording, one catalogue per language (`<lang>/report.ts`), the
 * same keys in each. Figures and dates arrive already formatted for the language (Intl), so no
 * label builds a number or a date itself. Shared words (bands, IRM levels…) live in common.ts.
 */
export interface ReportLabels {
  title: (plan: { title: string; country: string; period: string }) => string;
  asOf: (date: string) => string;
  implementation: string;
  /** `rate` is formatted ("84 %"); `asOf` a formatted date. */
  overall: (period: string, rate: string, asOf?: string) => string;
  byAxis: string;
  byCommitment: string;
  axis: string;
  commitment: string;
  commitmentTitle: string;
  rate: string;
  achievements: string;
  commitmentHeading: (n: string, title: string) => string;
  /** "Taux de réalisation : 95 %". */
  rateLine: (rate: string) => string;
  /** The OGP IRM completion level of a commitment or an activity, with its name in the language. */
  irmLine: (level: string) => string;
  lead: string;
  problem: string;
  description: string;
  activity: (n: string, title: string) => string;
  weightAndProgress: (weight: string, progress: string) => string;
  suspended: (reason: string) => string;
  cancelled: (reason: string) => string;
  done: string;
  notDone: string;
  additional: string;
  /** "— Raison : refonte". */
  reason: (reason: string) => string;
  communication: string;
  communicationColumns: [string, string, string, string];
  results: string;
  contribution: string;
  nextSteps: string;
  method: string;
  formula: string;
  /** Heading of the note on what the plan's data reconstructs. */
  reconstructed: string;
  generated: (at: string) => string;
  /** What the report was built from, and how to check a copy of the ledger is the same. */
  provenance: (position: string, hash: string) => string;
  chartCommitments: string;
  chartAxes: string;
  chartHistory: string;
}
