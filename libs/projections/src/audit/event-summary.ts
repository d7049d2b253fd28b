import { isLedgerEventType, parseStreamName, planIdOfCommitment, type LedgerEvent } from '@ledger/domain';
import { INTL_LOCALES, isLang, LANGS, SUMMARY_LABELS, type Lang, type OutcomeFieldKey, type SummaryLabels } from '@ledger/i18n';

/** Languages the audit trail speaks: every language of the pages (libs/i18n). */
export type SummaryLang = Lang;
export const SUMMARY_LANGS: readonly SummaryLang[] = LANGS;
export const isSummaryLang = (lang: string): lang is SummaryLang => isLang(lang);

/** What a summary needs from a stored event. */
export interface SummarizableEvent {
  type: string;
  data: unknown;
  stream: string;
}

/** Longest quoted text or reason in a summary, in characters (longer ones end with "…"). */
export const SUMMARY_TEXT_MAX = 80;

/**
 * One human line per event, in French, English or Arabic, for the audit trail: what changed, on
 * which activity or commitment (labelled without the plan id: "4.3"), from what to what, and why.
 * The wording is the language's catalogue (libs/i18n `SUMMARY_LABELS`); this picks the values.
 * Never throws: a stored payload missing a field still gets a line.
 */
export function summarize(event: SummarizableEvent, lang: SummaryLang): string {
  const t = SUMMARY_LABELS[lang];
  if (!isLedgerEventType(event.type)) return t.unknownEvent(event.type);
  const e = { type: event.type, data: event.data ?? {} } as LedgerEvent;
  const commitment = commitmentLabel(event);
  const activity = activityLabel(event);
  switch (e.type) {
    case 'PlanDefined': {
      const { planId, title, country, period } = e.data;
      return t.planDefined({ planId, title: clip(title), country, period });
    }
    case 'AxisAdded':
      return t.axisAdded(e.data.axisId, e.data.planId, clip(e.data.title));
    case 'ReportingPeriodClosed':
      return t.periodClosed(clip(e.data.name), e.data.planId, e.data.endsAt);
    case 'CommitmentRegistered':
      return t.commitmentRegistered(commitment, clip(e.data.title), clip(e.data.leadOrganisation));
    case 'ActivityPlanned':
      return t.activityPlanned(activity, clip(e.data.title), num(e.data.weight, lang));
    case 'ActivityWeightSet':
      return t.weightSet(activity, t.change(num(e.data.previousWeight, lang), num(e.data.weight, lang)));
    case 'ActivityProgressReported':
      return t.progressReported(activity, t.change(pct(e.data.previousProgress, lang, t), pct(e.data.progress, lang, t)));
    case 'ActivityProgressCorrected': {
      const change = t.change(pct(e.data.previousProgress, lang, t), pct(e.data.progress, lang, t));
      return t.progressCorrected(activity, change, clip(e.data.reason));
    }
    case 'ActionRecorded': {
      const text = clip(e.data.text);
      const kind = e.data.kind;
      // A kind written by a newer version (or a damaged payload) still gets a line.
      if (!Object.hasOwn(t.actionRecorded, kind)) return t.actionOfUnknownKind(String(kind), activity, text);
      return t.actionRecorded[kind](activity, text, e.data.reason ? clip(e.data.reason) : undefined);
    }
    case 'ActionRetracted':
      return t.actionRetracted(afterPlan(e.data.actionId, e.data.commitmentId), activity, clip(e.data.reason));
    case 'CommunicationActionLogged':
      return t.communicationLogged(commitment, clip(e.data.action));
    case 'OutcomeRecorded':
      return t.outcomeRecorded(
        commitment,
        OUTCOME_FIELDS.filter((k) => e.data[k] !== undefined),
      );
    case 'ActivitySuspended':
      return t.activitySuspended(activity, clip(e.data.reason));
    case 'ActivityResumed':
      return t.activityResumed(activity, clip(e.data.reason));
    case 'ActivityCancelled':
      return t.activityCancelled(activity, clip(e.data.reason));
    case 'LeadAssigned':
      return t.leadAssigned(e.data.userId, commitment);
    case 'LeadRevoked':
      return t.leadRevoked(e.data.userId, commitment);
    default:
      return assertNever(e);
  }
}

function assertNever(event: never): never {
  throw new Error(`unhandled event type ${(event as { type: string }).type}`);
}

const OUTCOME_FIELDS: readonly OutcomeFieldKey[] = ['results', 'contribution', 'nextSteps'];

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

// The pages' locales (INTL_LOCALES: Arabic as Morocco writes it, Latin digits); no grouping, as before.
const formats = Object.fromEntries(
  LANGS.map((lang) => [lang, new Intl.NumberFormat(INTL_LOCALES[lang], { maximumFractionDigits: 2, useGrouping: false })]),
) as Record<SummaryLang, Intl.NumberFormat>;

function num(value: number | undefined, lang: SummaryLang): string {
  return typeof value === 'number' && Number.isFinite(value) ? formats[lang].format(value) : '?';
}

const pct = (value: number | undefined, lang: SummaryLang, t: SummaryLabels): string => t.percent(num(value, lang));
