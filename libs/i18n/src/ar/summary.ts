import { isolate } from '../bidi';
import type { OutcomeFieldKey, SummaryLabels } from '../summary-labels';

// Every value from the ledger (ids, names, French titles) is isolated, so a Latin run keeps its
// order and does not drag the Arabic words around it; user texts are also quoted, as in web.ts.
const id = isolate;
const quote = (text: string): string => `«${isolate(text)}»`;
const fields: Record<OutcomeFieldKey, string> = { results: 'النتائج', contribution: 'المساهمة', nextSteps: 'الخطوات المقبلة' };

/**
 * العربية الفصحى — سطور سجل التدقيق، بمصطلحات الفهارس الأخرى (الالتزام، النشاط، المحور، فترة التتبع).
 * Figures through Intl 'ar-MA' (Latin digits, decimal comma); the arrow points the way the line reads.
 */
export const AR_SUMMARY: SummaryLabels = {
  // As Intl 'ar-MA' writes a percentage (the pages' rates): the sign between left-to-right marks.
  percent: (n) => `${n}\u200e%\u200e`,
  // Each figure isolated: a bare "60‎%‎" carries left-to-right marks that would turn "60% ← 90%"
  // into one left-to-right run, read backwards on a right-to-left line.
  change: (before, after) => `${id(before)} ← ${id(after)}`,
  unknownEvent: (type) => `حدث من نوع ${id(type)}`,
  planDefined: ({ planId, title, country, period }) => `أُنشئت الخطة ${id(planId)}: ${quote(title)} (${id(country)}، ${id(period)})`,
  axisAdded: (axisId, planId, title) => `أُضيف المحور ${id(axisId)} إلى الخطة ${id(planId)}: ${quote(title)}`,
  periodClosed: (name, planId, endsAt) => `أُغلقت فترة التتبع ${quote(name)} من الخطة ${id(planId)} بتاريخ ${id(endsAt)}`,
  commitmentRegistered: (commitment, title, lead) => `سُجِّل الالتزام ${id(commitment)}: ${quote(title)} (الجهة المسؤولة: ${quote(lead)})`,
  activityPlanned: (activity, title, weight) => `بُرمِج النشاط ${id(activity)}: ${quote(title)} (الوزن ${weight})`,
  weightSet: (activity, change) => `وزن النشاط ${id(activity)}: ${change}`,
  progressReported: (activity, change) => `نسبة تقدم النشاط ${id(activity)}: ${change}`,
  progressCorrected: (activity, change, reason) => `تصحيح نسبة تقدم النشاط ${id(activity)}: ${change} (السبب: ${quote(reason)})`,
  actionRecorded: {
    DONE: (activity, text) => `أُضيف إجراء منجز إلى النشاط ${id(activity)}: ${quote(text)}`,
    NOT_DONE: (activity, text, reason) =>
      `أُضيف إجراء غير منجز إلى النشاط ${id(activity)}: ${quote(text)}${reason ? ` (السبب: ${quote(reason)})` : ''}`,
    ADDITIONAL: (activity, text) => `أُضيف إجراء إضافي إلى النشاط ${id(activity)}: ${quote(text)}`,
  },
  actionOfUnknownKind: (kind, activity, text) => `أُضيف إجراء (${id(kind)}) إلى النشاط ${id(activity)}: ${quote(text)}`,
  actionRetracted: (action, activity, reason) => `سُحب الإجراء ${id(action)} من النشاط ${id(activity)} (السبب: ${quote(reason)})`,
  communicationLogged: (commitment, action) => `أُضيف إجراء تواصل إلى الالتزام ${id(commitment)}: ${quote(action)}`,
  outcomeRecorded: (commitment, keys) =>
    `حُدِّثت نتائج الالتزام ${id(commitment)} (${keys.length > 0 ? keys.map((k) => fields[k]).join('، ') : 'دون أي حقل'})`,
  activitySuspended: (activity, reason) => `عُلِّق النشاط ${id(activity)}: ${quote(reason)}`,
  activityResumed: (activity, reason) => `استُؤنف النشاط ${id(activity)}: ${quote(reason)}`,
  activityCancelled: (activity, reason) => `أُلغي النشاط ${id(activity)}: ${quote(reason)}`,
  leadAssigned: (userId, commitment) =>
    userId ? `عُيِّن ${id(userId)} مسؤولًا عن الالتزام ${id(commitment)}` : `عُيِّن مسؤول عن الالتزام ${id(commitment)}`,
  leadRevoked: (userId, commitment) =>
    userId ? `لم يعد ${id(userId)} مسؤولًا عن الالتزام ${id(commitment)}` : `سُحب أحد المسؤولين من الالتزام ${id(commitment)}`,
};
