import type { ActivityLifecycle, ActivityStatus } from '@ledger/domain';

/**
 * The GraphQL the pages send: the public API, as any dashboard would send it (the server runs the
 * same documents in-process as an anonymous caller to render the first HTML).
 */
export const PLAN_FIELDS = `fragment PlanPage on Plan {
  id title country period implementationRate lastUpdatedAt lastPosition
  axes { id title order implementationRate }
  commitments { id number title leadOrganisation implementationRate lastPosition axis { id } activities { status lifecycle } }
}`;

export const COMMITMENT_FIELDS = `fragment CommitmentPage on Commitment {
  id planId number title leadOrganisation problem description implementationRate results contribution nextSteps
  lastUpdatedAt lastPosition axis { id title }
  activities { id number title weight progress status lifecycle lifecycleReason progressEffectiveAt note lastPosition
    actionsDone { id text date } actionsNotDone { id text date reason } additionalActions { id text date } }
  communicationActions { id action date target indicators }
}`;

export const PLANS_QUERY = `query Plans { plans { id title country period implementationRate lastUpdatedAt lastPosition commitments { id } } }`;

export const PLAN_QUERY = `query PlanPage($id: ID!, $asOf: AsOf) { plan(id: $id, asOf: $asOf) { ...PlanPage } }
${PLAN_FIELDS}`;

export const PLAN_SUBSCRIPTION = `subscription PlanLive($id: ID!) { planUpdated(planId: $id) { ...PlanPage } }
${PLAN_FIELDS}`;

export const COMMITMENT_QUERY = `query CommitmentPage($id: ID!, $planId: ID!, $asOf: AsOf, $lang: String) {
  commitment(id: $id, asOf: $asOf) { ...CommitmentPage }
  plan(id: $planId, asOf: $asOf) { id title }
  auditTrail(filter: { commitmentId: $id }, first: 500) {
    edges { node { position type effectiveAt summary(lang: $lang) } }
  }
}
${COMMITMENT_FIELDS}`;

export const COMMITMENT_SUBSCRIPTION = `subscription CommitmentLive($id: ID!) { commitmentUpdated(id: $id) { ...CommitmentPage } }
${COMMITMENT_FIELDS}`;

export const RATE_HISTORY_QUERY = `query RateHistory($planId: ID!, $commitmentId: ID, $from: DateTime, $to: DateTime) {
  rateHistory(planId: $planId, commitmentId: $commitmentId, from: $from, to: $to, interval: month) { at implementationRate }
}`;

export const REPORT_QUERY = `query Report($planId: ID!, $asOf: DateTime, $format: ReportFormat, $lang: ReportLang) {
  selfAssessmentReport(planId: $planId, asOf: $asOf, format: $format, lang: $lang)
}`;

export interface ActivityBrief {
  status: ActivityStatus;
  lifecycle: ActivityLifecycle;
}
export interface CommitmentRow {
  id: string;
  number: number;
  title: string;
  leadOrganisation: string;
  implementationRate: number | null;
  lastPosition: string | null;
  axis: { id: string };
  activities: ActivityBrief[];
}
export interface AxisRow {
  id: string;
  title: string;
  order: number;
  implementationRate: number | null;
}
export interface PlanData {
  id: string;
  title: string;
  country: string;
  period: string;
  implementationRate: number | null;
  lastUpdatedAt: string | null;
  lastPosition: string | null;
  axes: AxisRow[];
  commitments: CommitmentRow[];
}
export interface PlanSummary {
  id: string;
  title: string;
  country: string;
  period: string;
  implementationRate: number | null;
  lastUpdatedAt: string | null;
  lastPosition: string | null;
  commitments: Array<{ id: string }>;
}
export interface ActionEntry {
  id: string;
  text: string;
  date: string | null;
  reason?: string | null;
}
export interface ActivityData {
  id: string;
  number: number;
  title: string;
  weight: number;
  progress: number;
  status: ActivityStatus;
  lifecycle: ActivityLifecycle;
  lifecycleReason: string | null;
  progressEffectiveAt: string | null;
  note: string | null;
  lastPosition: string | null;
  actionsDone: ActionEntry[];
  actionsNotDone: ActionEntry[];
  additionalActions: ActionEntry[];
}
export interface CommitmentData {
  id: string;
  planId: string;
  number: number;
  title: string;
  leadOrganisation: string;
  problem: string | null;
  description: string | null;
  implementationRate: number | null;
  results: string | null;
  contribution: string | null;
  nextSteps: string | null;
  lastUpdatedAt: string | null;
  lastPosition: string | null;
  axis: { id: string; title: string };
  activities: ActivityData[];
  communicationActions: Array<{ id: string; action: string; date: string | null; target: string | null; indicators: string | null }>;
}
export interface TimelineEntry {
  position: string;
  type: string;
  effectiveAt: string;
  summary: string;
}
export interface RatePoint {
  at: string;
  implementationRate: number | null;
}
