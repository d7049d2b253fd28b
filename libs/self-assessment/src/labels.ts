import { RATE_FORMULA, roundHalfUp, type ActivityStatus } from '@ledger/domain';
import { COMMON_LABELS } from '@ledger/i18n';
import type { ReportLang } from './report-input';

/** The report's wording (French, as published) and its English counterpart. */
export interface Labels {
  title: (plan: { title: string; country: string; period: string }) => string;
  asOf: (date: string) => string;
  implementation: string;
  overall: (period: string, rate: number, asOf?: string) => string;
  byAxis: string;
  byCommitment: string;
  axis: string;
  commitment: string;
  commitmentTitle: string;
  rate: string;
  achievements: string;
  commitmentHeading: (n: number, title: string) => string;
  lead: string;
  problem: string;
  description: string;
  activity: (n: number, title: string) => string;
  bands: Record<ActivityStatus, string>;
  weightAndProgress: (weight: string, progress: string) => string;
  suspended: (reason: string) => string;
  cancelled: (reason: string) => string;
  done: string;
  notDone: string;
  additional: string;
  reason: string;
  communication: string;
  communicationColumns: [string, string, string, string];
  results: string;
  contribution: string;
  nextSteps: string;
  method: string;
  formula: string;
  generated: (at: string) => string;
  chartCommitments: string;
  chartAxes: string;
  chartHistory: string;
}

const FR: Labels = {
  title: (p) => `Rapport d'auto-évaluation du plan d'action national du gouvernement ouvert — ${p.title} (${p.country}, ${p.period})`,
  asOf: (d) => `Situation au ${d}`,
  implementation: 'Taux de mise en œuvre',
  overall: (period, rate, asOf) =>
    `L'avancement global de la mise en œuvre du plan d'action national ${period}${asOf ? `, au ${asOf},` : ''} est de ${rate} %`,
  byAxis: "Taux d'avancement par axe",
  byCommitment: "Taux d'avancement par engagement",
  axis: 'Axe',
  commitment: 'Engagement',
  commitmentTitle: 'Intitulé',
  rate: 'Taux de réalisation',
  achievements: 'Bilan des réalisations',
  commitmentHeading: (n, t) => `Engagement ${n} : ${t}`,
  lead: 'Organisme responsable de la mise en œuvre',
  problem: 'Problématique',
  description: "Consistance de l'engagement",
  activity: (n, t) => `Activité ${n} : ${t}`,
  bands: COMMON_LABELS.fr.bands,
  weightAndProgress: (w, p) => `Poids ${w} · avancement ${p} %`,
  suspended: (r) => `Activité suspendue : ${r}`,
  cancelled: (r) => `Activité annulée : ${r}`,
  done: 'Actions réalisées',
  notDone: 'Actions non réalisées',
  additional: 'Actions supplémentaires',
  reason: 'Raison',
  communication: "Actions de communication réalisées pour accompagner la mise en œuvre de l'engagement",
  communicationColumns: ['Action', 'Date', 'Cible', 'Indicateurs'],
  results: "Description des résultats après la mise en œuvre de l'engagement",
  contribution: "Comment l'engagement a contribué à résoudre la problématique initiale",
  nextSteps: 'Prochaines étapes',
  method: 'Méthode de calcul',
  formula:
    "Taux d'un engagement = Σ(poids × avancement) / Σ(poids) sur ses activités non annulées ; taux d'un axe = moyenne des taux de ses engagements ; taux du plan = moyenne des taux de tous ses engagements. Les chiffres sont conservés sans arrondi dans le registre ; le rapport les arrondit à l'unité (0,5 vers le haut).",
  generated: (at) => `Rapport généré depuis le registre le ${at}.`,
  chartCommitments: 'Taux de réalisation par engagement',
  chartAxes: "Taux d'avancement par axe",
  chartHistory: "Avancement global dans le temps (par date d'effet)",
};

const EN: Labels = {
  title: (p) => `Open government national action plan self-assessment report — ${p.title} (${p.country}, ${p.period})`,
  asOf: (d) => `As of ${d}`,
  implementation: 'Implementation rate',
  overall: (period, rate, asOf) =>
    `Overall implementation of the ${period} national action plan${asOf ? `, as of ${asOf},` : ''} is ${rate}%`,
  byAxis: 'Implementation by axis',
  byCommitment: 'Implementation by commitment',
  axis: 'Axis',
  commitment: 'Commitment',
  commitmentTitle: 'Title',
  rate: 'Implementation rate',
  achievements: 'Achievements',
  commitmentHeading: (n, t) => `Commitment ${n}: ${t}`,
  lead: 'Lead implementing organisation',
  problem: 'Problem addressed',
  description: 'Description of the commitment',
  activity: (n, t) => `Activity ${n}: ${t}`,
  bands: COMMON_LABELS.en.bands,
  weightAndProgress: (w, p) => `Weight ${w} · progress ${p}%`,
  suspended: (r) => `Activity suspended: ${r}`,
  cancelled: (r) => `Activity cancelled: ${r}`,
  done: 'Actions carried out',
  notDone: 'Actions not carried out',
  additional: 'Additional actions',
  reason: 'Reason',
  communication: 'Communication actions accompanying the commitment',
  communicationColumns: ['Action', 'Date', 'Target', 'Indicators'],
  results: 'Results after implementation',
  contribution: 'How the commitment helped solve the initial problem',
  nextSteps: 'Next steps',
  method: 'Method',
  formula: RATE_FORMULA,
  generated: (at) => `Report generated from the ledger on ${at}.`,
  chartCommitments: 'Implementation rate by commitment',
  chartAxes: 'Implementation rate by axis',
  chartHistory: 'Overall implementation over time (by effective date)',
};

export const labelsFor = (lang: ReportLang): Labels => (lang === 'en' ? EN : FR);

/** Whole percent, half up, as the report prints it. */
export const pct = (rate: number): number => roundHalfUp(rate);

/** A figure with the language's decimal mark (progress 94.5 → "94,5" in French). */
export const num = (value: number, lang: ReportLang): string => {
  const text = String(Math.round(value * 100) / 100);
  return lang === 'fr' ? text.replace('.', ',') : text;
};

export const day = (iso: string): string => iso.slice(0, 10);
