import { ACCESS_EVENT_TYPES, COMMITMENT_EVENT_TYPES, PLAN_EVENT_TYPES } from '@ledger/domain';
import { INTL_LOCALES } from '@ledger/i18n';
import { summarize, SUMMARY_LANGS, SUMMARY_TEXT_MAX } from './event-summary';

const c4 = 'ma-2018-2020.4';
const on = { commitmentId: c4, activityId: `${c4}.3` };
const stream = `commitment-${c4}`;
const i = (text: string): string => `\u2068${text}\u2069`;
const FSI = '\u2068';
const PDI = '\u2069';
const ALL_TYPES = [...PLAN_EVENT_TYPES, ...COMMITMENT_EVENT_TYPES, ...ACCESS_EVENT_TYPES];

/** The line with every isolated run taken out: what the reader sees in the line's own direction. */
const outsideIsolates = (line: string): string => line.replace(/\u2068[^\u2068\u2069]*\u2069/g, '');

describe('summarize in Arabic', () => {
  it('names an action not carried out and quotes why', () => {
    const event = {
      type: 'ActionRecorded',
      data: { ...on, actionId: 'x', kind: 'NOT_DONE', text: 'Audit externe', reason: 'pas de budget' },
      stream,
    };
    expect(summarize(event, 'ar')).toBe(
      `أُضيف إجراء غير منجز إلى النشاط ${i('4.3')}: «${i('Audit externe')}» (السبب: «${i('pas de budget')}»)`,
    );
  });

  it('names an additional action', () => {
    const event = { type: 'ActionRecorded', data: { ...on, actionId: 'x', kind: 'ADDITIONAL', text: 'Hackathon' }, stream };
    expect(summarize(event, 'ar')).toBe(`أُضيف إجراء إضافي إلى النشاط ${i('4.3')}: «${i('Hackathon')}»`);
  });

  it('still writes a line for an action kind it does not know', () => {
    const event = { type: 'ActionRecorded', data: { ...on, actionId: 'x', kind: 'LATER', text: 'Atelier' }, stream };
    expect(summarize(event, 'ar')).toBe(`أُضيف إجراء (${i('LATER')}) إلى النشاط ${i('4.3')}: «${i('Atelier')}»`);
  });

  it('writes figures as the Arabic pages do: Latin digits, decimal comma, percent as Intl ar-MA writes it', () => {
    const event = {
      type: 'ActivityProgressReported',
      data: { ...on, progress: 33.333, status: 'LIMITED', previousProgress: 12.5 },
      stream,
    };
    const percent = new Intl.NumberFormat(INTL_LOCALES.ar, { style: 'percent', maximumFractionDigits: 2 });
    const line = summarize(event, 'ar');
    expect(line).toBe(`نسبة تقدم النشاط ${i('4.3')}: ${i(percent.format(0.125))} ← ${i(percent.format(0.33333))}`);
    expect(line).toContain('12,5');
    expect(line).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/); // no Arabic-Indic digits
  });

  it('cuts a long French text inside its isolate, so the isolates stay balanced', () => {
    const text = 'Publier les données budgétaires ouvertes de toutes les communes du Royaume, chaque trimestre, au format CSV';
    const line = summarize({ type: 'ActivitySuspended', data: { ...on, reason: text }, stream }, 'ar');
    const quoted = /«\u2068(.*)\u2069»$/.exec(line)?.[1] ?? '';
    expect(quoted.endsWith('…')).toBe(true);
    expect(Array.from(quoted).length).toBeLessThanOrEqual(SUMMARY_TEXT_MAX);
  });

  it('says "حدث من نوع <type>" for a type it does not know', () => {
    expect(summarize({ type: 'SomethingNew', data: {}, stream: 'plan-x' }, 'ar')).toBe(`حدث من نوع ${i('SomethingNew')}`);
  });

  it('still writes a line when a stored payload lacks fields', () => {
    expect(summarize({ type: 'ActivityWeightSet', data: null, stream }, 'ar')).toBe(`وزن النشاط ${i('?')}: ${i('?')} ← ${i('?')}`);
    expect(summarize({ type: 'LeadAssigned', data: { commitmentId: c4 }, stream: 'access-ma-2018-2020' }, 'ar')).toBe(
      `عُيِّن مسؤول عن الالتزام ${i('4')}`,
    );
  });
});

describe('summarize, every type in every language', () => {
  // Titles, ids and reasons in Latin letters: an Arabic line must keep all of them in isolates.
  const latin = { ...on, planId: 'ma-2018-2020', axisId: 'axis-2', actionId: `${c4}.3.x1`, userId: 'amina', kind: 'DONE' };
  const data = { ...latin, title: 'Titre', name: 'S1', endsAt: '2019-06-30', country: 'Maroc', period: '2018-2020' };
  const payload = {
    ...data,
    leadOrganisation: 'Ministère',
    text: 'Atelier',
    reason: 'motif',
    action: 'Presse',
    results: 'r',
    progress: 60,
    previousProgress: 30,
    weight: 2,
    previousWeight: 1,
  };

  it.each(ALL_TYPES)('%s in Arabic: every Latin id or text sits in a balanced isolate', (type) => {
    const line = summarize({ type, data: payload, stream }, 'ar');
    expect(line.split(FSI).length).toBe(line.split(PDI).length);
    expect(outsideIsolates(line)).not.toMatch(/[A-Za-z\u00c0-\u024f]/);
    // A left-to-right mark (ar-MA's percent) outside an isolate would turn the line's figures around.
    expect(outsideIsolates(line)).not.toMatch(/[\u200e\u200f]/);
    expect(outsideIsolates(line)).toMatch(/[\u0600-\u06ff]/);
  });

  it.each(ALL_TYPES)('%s in French and English: no isolate characters', (type) => {
    for (const lang of ['fr', 'en'] as const) expect(summarize({ type, data: payload, stream }, lang)).not.toMatch(/[\u2068\u2069]/);
  });

  it.each(ALL_TYPES.flatMap((type) => [null, 42, 'text', [], {}].map((bad) => [type, bad] as const)))(
    '%s with the payload %p: a line in every language, no exception',
    (type, bad) => {
      for (const lang of SUMMARY_LANGS) expect(summarize({ type, data: bad, stream: 'plan-x' }, lang).length).toBeGreaterThan(0);
    },
  );
});
