import type { ActivityStatus } from '@ledger/domain';
import type { Lang } from './langs';

/** Sort keys of the commitments table (every column sorts). */
export type CommitmentSortKey = 'number' | 'title' | 'axis' | 'lead' | 'rate' | ActivityStatus;

/**
 * The web pages' own labels, one catalogue per language with the same keys (checked by the
 * compiler). Sentences with values are functions of already formatted values: no sentence is
 * assembled from pieces, so each language orders its words itself.
 */
export interface WebLabels {
  siteName: string;
  skipToContent: string;
  mainNav: string;
  languageNav: string;
  langNames: Record<Lang, string>;
  allPlans: string;
  plansTitle: string;
  plansIntro: string;
  planSummary: (commitments: string, period: string) => string;
  noPlans: string;
  openPlan: (title: string) => string;
  overall: string;
  byAxis: string;
  axisColumn: string;
  rateColumn: string;
  bandsHeading: string;
  /** `n` chooses the grammatical number; `count` is n formatted for the page. */
  bandCount: (n: number, count: string) => string;
  cancelledCount: (n: number, count: string) => string;
  commitmentsHeading: string;
  tableCaption: (shown: string, total: string) => string;
  columns: Record<CommitmentSortKey, string>;
  bandsColumn: string;
  sortedAscending: string;
  sortedDescending: string;
  sortBy: (column: string) => string;
  noMatch: string;
  filtersLegend: string;
  filterAxis: string;
  allAxes: string;
  filterBand: string;
  allBands: string;
  search: string;
  searchHint: string;
  apply: string;
  reset: string;
  noRate: string;
  exportHeading: string;
  exportCsv: string;
  reportHtml: string;
  reportMarkdown: string;
  reportLanguageNote: string;
  print: string;
  embedHeading: string;
  embedIntro: string;
  embedSnippetLabel: string;
  embedFrameTitle: (title: string) => string;
  openFullPage: string;
  timeTravelLegend: string;
  timeTravelDate: string;
  timeTravelShow: string;
  backToNow: string;
  asOfBanner: (date: string) => string;
  asOfNotLive: string;
  lastUpdated: (date: string, position: string) => string;
  neverUpdated: string;
  liveConnecting: string;
  liveOn: string;
  liveReconnecting: string;
  liveUpdated: (what: string) => string;
  problem: string;
  description: string;
  commitmentNumber: (number: string) => string;
  activitiesHeading: string;
  activityHeading: (number: string, title: string) => string;
  weightValue: (weight: string) => string;
  progressValue: (progress: string) => string;
  progressAsOf: (date: string) => string;
  lifecycleReason: (reason: string) => string;
  note: string;
  actionDate: (date: string) => string;
  notDoneReason: (reason: string) => string;
  noActions: string;
  communicationHeading: string;
  communicationColumns: { action: string; date: string; target: string; indicators: string };
  noCommunication: string;
  results: string;
  contribution: string;
  nextSteps: string;
  notProvided: string;
  historyHeading: string;
  historyTitle: (title: string) => string;
  historyDesc: (first: string, last: string, from: string, to: string) => string;
  axesChartTitle: string;
  axesChartDesc: (count: string) => string;
  chartData: string;
  dateColumn: string;
  timelineHeading: string;
  timelineIntro: string;
  timelineEmpty: string;
  backToPlan: (title: string) => string;
  notFoundTitle: string;
  notFoundBody: string;
  graphqlApi: string;
  rateFormula: string;
}
