import { isLedgerEventType, parseStreamName, planIdOfCommitment, type LedgerEvent } from '@ledger/domain';

/** Languages the audit trail speaks. */
export type SummaryLang = 'fr' | 'en';
export const SUMMARY_LANGS: readonly SummaryLang[] = ['fr', 'en'];
export const isSummaryLang = (lang: string): lang is SummaryLang => (SUMMARY_LANGS as readonly string[]).includes(lang);

/** What a summary needs from a stored event. */
export interface SummarizableEvent {
  type: string;
  data: unknown;
  stream: string;
}

/** Longest quoted text or reason in a summary, in characters (longer ones end with "…"). */
export const SUMMARY_TEXT_MAX = 80;

/**
 * One human line per event, in French or English, for the audit trail: what changed, on which
 * activity or commitment (labelled without the plan id: "4.3"), from what to what, and why.
 * Never throws: a stored payload missing a field still gets a line.
 */
export function summarize(event: SummarizableEvent, lang: SummaryLang): string {
  if (!isLedgerEventType(event.type)) return lang === 'fr' ? `Événement ${event.type}` : `Event ${event.type}`;
  const fr = lang === 'fr';
  const e = { type: event.type, data: event.data ?? {} } as LedgerEvent;
  const commitment = commitmentLabel(event);
  const activity = activityLabel(event);
  switch (e.type) {
    case 'PlanDefined': {
      const { planId, title, country, period } = e.data;
      return fr
        ? `Plan ${planId} défini : ${quote(title, fr)} (${country}, ${period})`
        : `Plan ${planId} defined: ${quote(title, fr)} (${country}, ${period})`;
    }
    case 'AxisAdded':
      return fr
        ? `Axe ${e.data.axisId} ajouté au plan ${e.data.planId} : ${quote(e.data.title, fr)}`
        : `Axis ${e.data.axisId} added to plan ${e.data.planId}: ${quote(e.data.title, fr)}`;
    case 'ReportingPeriodClosed':
      return fr
        ? `Période de rapport ${quote(e.data.name, fr)} du plan ${e.data.planId} close au ${e.data.endsAt}`
        : `Reporting period ${quote(e.data.name, fr)} of plan ${e.data.planId} closed at ${e.data.endsAt}`;
    case 'CommitmentRegistered': {
      const { title, leadOrganisation } = e.data;
      return fr
        ? `Engagement ${commitment} enregistré : ${quote(title, fr)} (porteur : ${clip(leadOrganisation)})`
        : `Commitment ${commitment} registered: ${quote(title, fr)} (lead organisation: ${clip(leadOrganisation)})`;
    }
    case 'ActivityPlanned': {
      const weight = num(e.data.weight, lang);
      return fr
        ? `Activité ${activity} planifiée : ${quote(e.data.title, fr)} (poids ${weight})`
        : `Activity ${activity} planned: ${quote(e.data.title, fr)} (weight ${weight})`;
    }
    case 'ActivityWeightSet': {
      const change = `${num(e.data.previousWeight, lang)} → ${num(e.data.weight, lang)}`;
      return fr ? `Poids de l'activité ${activity} : ${change}` : `Weight of activity ${activity}: ${change}`;
    }
    case 'ActivityProgressReported': {
      const change = `${pct(e.data.previousProgress, lang)} → ${pct(e.data.progress, lang)}`;
      return fr ? `Progression de l'activité ${activity} : ${change}` : `Progress of activity ${activity}: ${change}`;
    }
    case 'ActivityProgressCorrected': {
      const change = `${pct(e.data.previousProgress, lang)} → ${pct(e.data.progress, lang)}`;
      return fr
        ? `Correction de la progression de l'activité ${activity} : ${change} (motif : ${clip(e.data.reason)})`
        : `Correction of progress of activity ${activity}: ${change} (reason: ${clip(e.data.reason)})`;
    }
    case 'ActionRecorded': {
      const text = quote(e.data.text, fr);
      const why = e.data.reason ? (fr ? ` (motif : ${clip(e.data.reason)})` : ` (reason: ${clip(e.data.reason)})`) : '';
      switch (e.data.kind) {
        case 'DONE':
          return fr
            ? `Action réalisée ajoutée à l'activité ${activity} : ${text}`
            : `Completed action added to activity ${activity}: ${text}`;
        case 'NOT_DONE':
          return fr
            ? `Action non réalisée ajoutée à l'activité ${activity} : ${text}${why}`
            : `Action not carried out added to activity ${activity}: ${text}${why}`;
        case 'ADDITIONAL':
          return fr
            ? `Action supplémentaire ajoutée à l'activité ${activity} : ${text}`
            : `Additional action added to activity ${activity}: ${text}`;
        default: {
          const unknownKind: never = e.data.kind; // compile-time exhaustive; a bad stored kind still gets a line
          return fr
            ? `Action (${String(unknownKind)}) ajoutée à l'activité ${activity} : ${text}`
            : `Action (${String(unknownKind)}) added to activity ${activity}: ${text}`;
        }
      }
    }
    case 'ActionRetracted': {
      const action = afterPlan(e.data.actionId, e.data.commitmentId);
      return fr
        ? `Action ${action} retirée de l'activité ${activity} (motif : ${clip(e.data.reason)})`
        : `Action ${action} retracted from activity ${activity} (reason: ${clip(e.data.reason)})`;
    }
    case 'CommunicationActionLogged':
      return fr
        ? `Action de communication de l'engagement ${commitment} : ${quote(e.data.action, fr)}`
        : `Communication action for commitment ${commitment}: ${quote(e.data.action, fr)}`;
    case 'OutcomeRecorded': {
      const parts = outcomeParts(e.data, fr);
      return fr
        ? `Résultats de l'engagement ${commitment} mis à jour (${parts})`
        : `Outcome of commitment ${commitment} updated (${parts})`;
    }
    case 'ActivitySuspended':
      return fr ? `Activité ${activity} suspendue : ${clip(e.data.reason)}` : `Activity ${activity} suspended: ${clip(e.data.reason)}`;
    case 'ActivityResumed':
      return fr ? `Activité ${activity} reprise : ${clip(e.data.reason)}` : `Activity ${activity} resumed: ${clip(e.data.reason)}`;
    case 'ActivityCancelled':
      return fr ? `Activité ${activity} annulée : ${clip(e.data.reason)}` : `Activity ${activity} cancelled: ${clip(e.data.reason)}`;
    case 'LeadAssigned':
      return fr
        ? `${e.data.userId ?? 'Un responsable'} désigné responsable de l'engagement ${commitment}`
        : `${e.data.userId ?? 'A lead'} assigned as lead of commitment ${commitment}`;
    case 'LeadRevoked':
      return fr
        ? `${e.data.userId ?? 'Un responsable'} n'est plus responsable de l'engagement ${commitment}`
        : `${e.data.userId ?? 'A lead'} revoked as lead of commitment ${commitment}`;
    default:
      return assertNever(e);
  }
}

function assertNever(event: never): never {
  throw new Error(`unhandled event type ${(event as { type: string }).type}`);
}

/** "ma-2018-2020.4" → "4": the commitment's number within its plan. */
function commitmentLabel({ data, stream }: SummarizableEvent): string {
  const id = field(data, 'commitmentId') ?? parseStreamName(stream).id;
  return afterPlan(id, id);
}

/** "ma-2018-2020.4.3" → "4.3". */
function activityLabel({ data }: SummarizableEvent): string {
  const id = field(data, 'activityId') ?? '?';
  return afterPlan(id, field(data, 'commitmentId') ?? id);
}

/** The part of `id` after the plan id found in `commitmentId` ("<planId>.<n>"). */
function afterPlan(id: string | undefined, commitmentId: string | undefined): string {
  if (!id) return '?';
  const planId = commitmentId && commitmentId.includes('.') ? planIdOfCommitment(commitmentId) : '';
  return planId && id.startsWith(`${planId}.`) ? id.slice(planId.length + 1) : id;
}

function field(data: unknown, name: string): string | undefined {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** One line, at most SUMMARY_TEXT_MAX characters. */
function clip(text: string | undefined): string {
  const line = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(line); // by code point, so an emoji or accent is never cut in half
  return chars.length <= SUMMARY_TEXT_MAX
    ? line
    : `${chars
        .slice(0, SUMMARY_TEXT_MAX - 1)
        .join('')
        .trimEnd()}…`;
}

const quote = (text: string | undefined, fr: boolean): string => (fr ? `« ${clip(text)} »` : `“${clip(text)}”`);

const formats: Record<SummaryLang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, useGrouping: false }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, useGrouping: false }),
};

function num(value: number | undefined, lang: SummaryLang): string {
  return typeof value === 'number' && Number.isFinite(value) ? formats[lang].format(value) : '?';
}

/** French typography puts a space before "%" ("60 %"); English does not ("60%"). */
const pct = (value: number | undefined, lang: SummaryLang): string => (lang === 'fr' ? `${num(value, lang)} %` : `${num(value, lang)}%`);

function outcomeParts(data: { results?: string; contribution?: string; nextSteps?: string }, fr: boolean): string {
  const names = fr
    ? { results: 'résultats', contribution: 'contribution', nextSteps: 'prochaines étapes' }
    : { results: 'results', contribution: 'contribution', nextSteps: 'next steps' };
  const parts = (['results', 'contribution', 'nextSteps'] as const).filter((k) => data[k] !== undefined).map((k) => names[k]);
  return parts.length > 0 ? parts.join(', ') : fr ? 'aucun champ' : 'no field';
}
