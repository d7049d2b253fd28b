import type { ReportLabels } from '../report-labels';

/** English. The formula is the API's own statement (RATE_FORMULA in libs/ledger, checked by a spec). */
export const EN_REPORT: ReportLabels = {
  title: (p) => `Open government national action plan self-assessment report — ${p.title} (${p.country}, ${p.period})`,
  asOf: (d) => `As of ${d}`,
  implementation: 'Implementation rate',
  overall: (period, rate, asOf) =>
    `Overall implementation of the ${period} national action plan${asOf ? `, as of ${asOf},` : ''} is ${rate}`,
  byAxis: 'Implementation by axis',
  byCommitment: 'Implementation by commitment',
  axis: 'Axis',
  commitment: 'Commitment',
  commitmentTitle: 'Title',
  rate: 'Implementation rate',
  achievements: 'Achievements',
  commitmentHeading: (n, t) => `Commitment ${n}: ${t}`,
  rateLine: (r) => `Implementation rate: ${r}`,
  irmLine: (level) => `Completion (OGP IRM scale): ${level}`,
  lead: 'Lead implementing organisation',
  problem: 'Problem addressed',
  description: 'Description of the commitment',
  activity: (n, t) => `Activity ${n}: ${t}`,
  weightAndProgress: (w, p) => `Weight ${w} · progress ${p}`,
  suspended: (r) => `Activity suspended: ${r}`,
  cancelled: (r) => `Activity cancelled: ${r}`,
  done: 'Actions carried out',
  notDone: 'Actions not carried out',
  additional: 'Additional actions',
  reason: (r) => `— Reason: ${r}`,
  communication: 'Communication actions accompanying the commitment',
  communicationColumns: ['Action', 'Date', 'Target', 'Indicators'],
  results: 'Results after implementation',
  contribution: 'How the commitment helped solve the initial problem',
  nextSteps: 'Next steps',
  method: 'Method',
  formula:
    'Commitment rate = Σ(weight × progress) / Σ(weight) over its activities that are not cancelled; ' +
    'axis rate = mean of its commitments’ rates; plan rate = mean of all its commitments’ rates. ' +
    'Percent 0–100, unrounded (the report rounds half up to whole percent); null while nothing counts yet (no activity, or all cancelled), and such a commitment is left out of the means.',
  reconstructed: 'Reconstructed data',
  generated: (at) => `Report generated from the ledger on ${at}.`,
  provenance: (position, hash) =>
    `Built from the ledger at log position ${position}, whose head hash is ${hash}. To rebuild this same report, first check that your copy of the ledger has the same head: ledger verify --expected-head ${position}:${hash}`,
  chartCommitments: 'Implementation rate by commitment',
  chartAxes: 'Implementation rate by axis',
  chartHistory: 'Overall implementation over time (by effective date)',
};
