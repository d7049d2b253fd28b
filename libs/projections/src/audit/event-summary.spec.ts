import { ACCESS_EVENT_TYPES, COMMITMENT_EVENT_TYPES, PLAN_EVENT_TYPES, type LedgerEvent, type LedgerEventType } from '@ledger/domain';
import { summarize, SUMMARY_TEXT_MAX } from './event-summary';

const plan = 'ma-2018-2020';
const c4 = `${plan}.4`;
const on = { commitmentId: c4, activityId: `${c4}.3` };
/** Arabic lines set ids and user texts apart in Unicode isolates (FSI … PDI). */
const i = (text: string): string => `\u2068${text}\u2069`;
/** ar-MA writes a percentage with left-to-right marks around the sign. */
const p = (n: string): string => `${n}\u200e%\u200e`;
const long = 'Publier les données budgétaires ouvertes de toutes les communes du Royaume, chaque trimestre, au format CSV';

/** One representative event of every stored type, with its expected lines. */
const cases: Record<LedgerEventType, { event: LedgerEvent; fr: string; en: string; ar: string }> = {
  PlanDefined: {
    event: { type: 'PlanDefined', data: { planId: plan, country: 'Maroc', title: 'Plan d’action national', period: '2018-2020' } },
    fr: 'Plan ma-2018-2020 défini : « Plan d’action national » (Maroc, 2018-2020)',
    en: 'Plan ma-2018-2020 defined: “Plan d’action national” (Maroc, 2018-2020)',
    ar: `أُنشئت الخطة ${i(plan)}: «${i('Plan d’action national')}» (${i('Maroc')}، ${i('2018-2020')})`,
  },
  AxisAdded: {
    event: { type: 'AxisAdded', data: { planId: plan, axisId: 'axis-2', title: 'Transparence', order: 2 } },
    fr: 'Axe axis-2 ajouté au plan ma-2018-2020 : « Transparence »',
    en: 'Axis axis-2 added to plan ma-2018-2020: “Transparence”',
    ar: `أُضيف المحور ${i('axis-2')} إلى الخطة ${i(plan)}: «${i('Transparence')}»`,
  },
  ReportingPeriodClosed: {
    event: { type: 'ReportingPeriodClosed', data: { planId: plan, name: 'S1 2019', endsAt: '2019-06-30' } },
    fr: 'Période de rapport « S1 2019 » du plan ma-2018-2020 close au 2019-06-30',
    en: 'Reporting period “S1 2019” of plan ma-2018-2020 closed at 2019-06-30',
    ar: `أُغلقت فترة التتبع «${i('S1 2019')}» من الخطة ${i(plan)} بتاريخ ${i('2019-06-30')}`,
  },
  CommitmentRegistered: {
    event: {
      type: 'CommitmentRegistered',
      data: {
        commitmentId: c4,
        planId: plan,
        axisId: 'axis-2',
        number: 4,
        title: 'Budget ouvert',
        leadOrganisation: 'Ministère des Finances',
      },
    },
    fr: 'Engagement 4 enregistré : « Budget ouvert » (porteur : Ministère des Finances)',
    en: 'Commitment 4 registered: “Budget ouvert” (lead organisation: Ministère des Finances)',
    ar: `سُجِّل الالتزام ${i('4')}: «${i('Budget ouvert')}» (الجهة المسؤولة: «${i('Ministère des Finances')}»)`,
  },
  ActivityPlanned: {
    event: { type: 'ActivityPlanned', data: { ...on, number: 3, title: 'Former les agents', weight: 1.5 } },
    fr: 'Activité 4.3 planifiée : « Former les agents » (poids 1,5)',
    en: 'Activity 4.3 planned: “Former les agents” (weight 1.5)',
    ar: `بُرمِج النشاط ${i('4.3')}: «${i('Former les agents')}» (الوزن 1,5)`,
  },
  ActivityWeightSet: {
    event: { type: 'ActivityWeightSet', data: { ...on, weight: 3, previousWeight: 1 } },
    fr: "Poids de l'activité 4.3 : 1 → 3",
    en: 'Weight of activity 4.3: 1 → 3',
    ar: `وزن النشاط ${i('4.3')}: ${i('1')} ← ${i('3')}`,
  },
  ActivityProgressReported: {
    event: { type: 'ActivityProgressReported', data: { ...on, progress: 90, status: 'SUBSTANTIAL', previousProgress: 60 } },
    fr: "Progression de l'activité 4.3 : 60 % → 90 %",
    en: 'Progress of activity 4.3: 60% → 90%',
    ar: `نسبة تقدم النشاط ${i('4.3')}: ${i(p('60'))} ← ${i(p('90'))}`,
  },
  ActivityProgressCorrected: {
    event: {
      type: 'ActivityProgressCorrected',
      data: { ...on, progress: 75, status: 'SUBSTANTIAL', previousProgress: 90, previousStatus: 'SUBSTANTIAL', reason: 'double saisie' },
    },
    fr: "Correction de la progression de l'activité 4.3 : 90 % → 75 % (motif : double saisie)",
    en: 'Correction of progress of activity 4.3: 90% → 75% (reason: double saisie)',
    ar: `تصحيح نسبة تقدم النشاط ${i('4.3')}: ${i(p('90'))} ← ${i(p('75'))} (السبب: «${i('double saisie')}»)`,
  },
  ActionRecorded: {
    event: { type: 'ActionRecorded', data: { ...on, actionId: `${c4}.3.x1`, kind: 'DONE', text: 'Atelier tenu' } },
    fr: "Action réalisée ajoutée à l'activité 4.3 : « Atelier tenu »",
    en: 'Completed action added to activity 4.3: “Atelier tenu”',
    ar: `أُضيف إجراء منجز إلى النشاط ${i('4.3')}: «${i('Atelier tenu')}»`,
  },
  ActionRetracted: {
    event: { type: 'ActionRetracted', data: { ...on, actionId: `${c4}.3.x1`, reason: 'mauvaise activité' } },
    fr: "Action 4.3.x1 retirée de l'activité 4.3 (motif : mauvaise activité)",
    en: 'Action 4.3.x1 retracted from activity 4.3 (reason: mauvaise activité)',
    ar: `سُحب الإجراء ${i('4.3.x1')} من النشاط ${i('4.3')} (السبب: «${i('mauvaise activité')}»)`,
  },
  CommunicationActionLogged: {
    event: {
      type: 'CommunicationActionLogged',
      data: { commitmentId: c4, communicationActionId: `${c4}.c1`, action: 'Conférence de presse' },
    },
    fr: "Action de communication de l'engagement 4 : « Conférence de presse »",
    en: 'Communication action for commitment 4: “Conférence de presse”',
    ar: `أُضيف إجراء تواصل إلى الالتزام ${i('4')}: «${i('Conférence de presse')}»`,
  },
  OutcomeRecorded: {
    event: { type: 'OutcomeRecorded', data: { commitmentId: c4, results: 'Portail en ligne', nextSteps: 'Étendre' } },
    fr: "Résultats de l'engagement 4 mis à jour (résultats, prochaines étapes)",
    en: 'Outcome of commitment 4 updated (results, next steps)',
    ar: `حُدِّثت نتائج الالتزام ${i('4')} (النتائج، الخطوات المقبلة)`,
  },
  ActivitySuspended: {
    event: { type: 'ActivitySuspended', data: { ...on, reason: 'budget gelé' } },
    fr: 'Activité 4.3 suspendue : budget gelé',
    en: 'Activity 4.3 suspended: budget gelé',
    ar: `عُلِّق النشاط ${i('4.3')}: «${i('budget gelé')}»`,
  },
  ActivityResumed: {
    event: { type: 'ActivityResumed', data: { ...on, reason: 'budget voté' } },
    fr: 'Activité 4.3 reprise : budget voté',
    en: 'Activity 4.3 resumed: budget voté',
    ar: `استُؤنف النشاط ${i('4.3')}: «${i('budget voté')}»`,
  },
  ActivityCancelled: {
    event: { type: 'ActivityCancelled', data: { ...on, reason: 'hors périmètre' } },
    fr: 'Activité 4.3 annulée : hors périmètre',
    en: 'Activity 4.3 cancelled: hors périmètre',
    ar: `أُلغي النشاط ${i('4.3')}: «${i('hors périmètre')}»`,
  },
  LeadAssigned: {
    event: { type: 'LeadAssigned', data: { planId: plan, commitmentId: c4, userId: 'amina' } },
    fr: "amina désigné responsable de l'engagement 4",
    en: 'amina assigned as lead of commitment 4',
    ar: `عُيِّن ${i('amina')} مسؤولًا عن الالتزام ${i('4')}`,
  },
  LeadRevoked: {
    event: { type: 'LeadRevoked', data: { planId: plan, commitmentId: c4, userId: 'amina' } },
    fr: "amina n'est plus responsable de l'engagement 4",
    en: 'amina revoked as lead of commitment 4',
    ar: `لم يعد ${i('amina')} مسؤولًا عن الالتزام ${i('4')}`,
  },
};

const streamOf = (e: LedgerEvent): string =>
  e.type === 'LeadAssigned' || e.type === 'LeadRevoked'
    ? `access-${plan}`
    : 'commitmentId' in e.data
      ? `commitment-${e.data.commitmentId}`
      : `plan-${plan}`;

describe('summarize', () => {
  it('has a case for every stored event type', () => {
    expect(Object.keys(cases).sort()).toEqual([...PLAN_EVENT_TYPES, ...COMMITMENT_EVENT_TYPES, ...ACCESS_EVENT_TYPES].sort());
  });

  describe.each(Object.entries(cases))('%s', (_type, { event, fr, en, ar }) => {
    it('reads in French', () => expect(summarize({ ...event, stream: streamOf(event) }, 'fr')).toBe(fr));
    it('reads in English', () => expect(summarize({ ...event, stream: streamOf(event) }, 'en')).toBe(en));
    it('reads in Arabic', () => expect(summarize({ ...event, stream: streamOf(event) }, 'ar')).toBe(ar));
  });

  it('names an action not carried out and why', () => {
    const event = {
      type: 'ActionRecorded',
      data: { ...on, actionId: 'x', kind: 'NOT_DONE', text: 'Audit externe', reason: 'pas de budget' },
      stream: `commitment-${c4}`,
    };
    expect(summarize(event, 'fr')).toBe("Action non réalisée ajoutée à l'activité 4.3 : « Audit externe » (motif : pas de budget)");
    expect(summarize(event, 'en')).toBe('Action not carried out added to activity 4.3: “Audit externe” (reason: pas de budget)');
  });

  it('names an additional action', () => {
    const event = {
      type: 'ActionRecorded',
      data: { ...on, actionId: 'x', kind: 'ADDITIONAL', text: 'Hackathon' },
      stream: `commitment-${c4}`,
    };
    expect(summarize(event, 'fr')).toBe("Action supplémentaire ajoutée à l'activité 4.3 : « Hackathon »");
    expect(summarize(event, 'en')).toBe('Additional action added to activity 4.3: “Hackathon”');
  });

  it('cuts long texts to one line of at most SUMMARY_TEXT_MAX characters ending with …', () => {
    const event = {
      type: 'ActionRecorded',
      data: { ...on, actionId: 'x', kind: 'DONE', text: `${long}\n\n(suite)` },
      stream: `commitment-${c4}`,
    };
    const quoted = /« (.*) »$/.exec(summarize(event, 'fr'))?.[1] ?? '';
    expect(quoted.endsWith('…')).toBe(true);
    expect(Array.from(quoted).length).toBeLessThanOrEqual(SUMMARY_TEXT_MAX);
    expect(quoted).not.toContain('\n');
    expect(quoted.startsWith('Publier les données budgétaires')).toBe(true);
  });

  it('writes decimals the way each language does', () => {
    const event = {
      type: 'ActivityProgressReported',
      data: { ...on, progress: 33.333, status: 'LIMITED', previousProgress: 12.5 },
      stream: `commitment-${c4}`,
    };
    expect(summarize(event, 'fr')).toBe("Progression de l'activité 4.3 : 12,5 % → 33,33 %");
    expect(summarize(event, 'en')).toBe('Progress of activity 4.3: 12.5% → 33.33%');
  });

  it('labels a plan id containing dashes and digits by what follows it', () => {
    const event = {
      type: 'ActivitySuspended',
      data: { commitmentId: 'tn-2021-2023.12', activityId: 'tn-2021-2023.12.10', reason: 'r' },
      stream: 'commitment-tn-2021-2023.12',
    };
    expect(summarize(event, 'en')).toBe('Activity 12.10 suspended: r');
  });

  it('says "Événement <type>" / "Event <type>" for a type it does not know', () => {
    const event = { type: 'SomethingNew', data: {}, stream: 'plan-x' };
    expect(summarize(event, 'fr')).toBe('Événement SomethingNew');
    expect(summarize(event, 'en')).toBe('Event SomethingNew');
  });

  it('still writes a line when a stored payload lacks fields', () => {
    expect(summarize({ type: 'ActivityWeightSet', data: null, stream: `commitment-${c4}` }, 'en')).toBe('Weight of activity ?: ? → ?');
  });
});
