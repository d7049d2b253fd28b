import type { ActivityLifecycle, ActivityStatus } from '@ledger/domain';

/** The GraphQL the workspaces send: the public API, with the signed-in user's token. */

const ACTION = 'id text date reason effectiveAt';
export const WS_COMMITMENT = `fragment WsCommitment on Commitment {
  id planId number title leadOrganisation problem description implementationRate version lastUpdatedAt lastPosition
  results contribution nextSteps axis { id title }
  activities { id number title weight progress status lifecycle lifecycleReason progressEffectiveAt note lastPosition
    actionsDone { ${ACTION} } actionsNotDone { ${ACTION} } additionalActions { ${ACTION} } }
  communicationActions { id action date target indicators }
}`;

export const LEAD_HOME_QUERY = `query LeadHome { me { sub commitments { id planId number title implementationRate version lastUpdatedAt activities { id } } } plans { id title } }`;

export const COMMITMENT_WS_QUERY = `query WsCommitment($id: ID!) { commitment(id: $id) { ...WsCommitment leads { userId assignedAt } } }
${WS_COMMITMENT}`;

export const COMMITMENT_WS_SUBSCRIPTION = `subscription WsCommitmentLive($id: ID!) { commitmentUpdated(id: $id) { ...WsCommitment } }
${WS_COMMITMENT}`;

/** The commitment's newest events: what changed since a form's version (public summaries). */
export const CHANGES_QUERY = `query WsChanges($commitmentId: ID!, $lang: String) {
  auditTrail(filter: { commitmentId: $commitmentId }, last: 50) { edges { node { position stream revision type effectiveAt summary(lang: $lang) } } }
}`;

/** A commitment mutation answering the commitment as written. */
export const commitmentMutation = (name: string, inputType: string): string =>
  `mutation Ws_${name}($input: ${inputType}!) { ${name}(input: $input) { version position commitment { ...WsCommitment leads { userId assignedAt } } } }
${WS_COMMITMENT}`;

export const PLAN_WS_FIELDS = `fragment WsPlan on Plan {
  id title country period implementationRate version lastUpdatedAt periods { name endsAt }
  axes { id title order implementationRate }
  commitments { id number title leadOrganisation implementationRate version axis { id } activities { id } }
}`;

export const PLANS_WS_QUERY = `query WsPlans { plans { id title country period implementationRate commitments { id } } }`;

export const PLAN_WS_QUERY = `query WsPlan($id: ID!) { plan(id: $id) { ...WsPlan } }
${PLAN_WS_FIELDS}`;

export const planMutation = (name: string, inputType: string): string =>
  `mutation Ws_${name}($input: ${inputType}!) { ${name}(input: $input) { version position plan { ...WsPlan } } }
${PLAN_WS_FIELDS}`;

/** The coordinator's commitment page: the commitment, its leads, and its plan's rates (for the weight preview). */
export const COORDINATOR_COMMITMENT_QUERY = `query WsCoordinatorCommitment($id: ID!, $planId: ID!) {
  commitment(id: $id) { ...WsCommitment leads { userId assignedAt } }
  plan(id: $planId) { id title implementationRate commitments { id implementationRate } }
}
${WS_COMMITMENT}`;

export const MEETING_QUERY = `query WsMeeting($planId: ID!, $since: DateTime, $period: String, $from: DateTime, $to: DateTime, $lang: String) {
  plan(id: $planId) { id title periods { name endsAt } }
  changes(planId: $planId, since: $since, period: $period) {
    since until rateBefore rateAfter
    commitments { commitmentId number title rateBefore rateAfter events { position type effectiveAt } }
  }
  auditTrail(filter: { planId: $planId, effectiveFrom: $from, effectiveTo: $to }, first: 500) {
    edges { node { position summary(lang: $lang) metadata { actor } } }
  }
}`;

export const MEETING_PLAN_QUERY = `query WsMeetingPlan($planId: ID!) { plan(id: $planId) { id title periods { name endsAt } } }`;

const ENTRY = 'position stream revision type effectiveAt summary(lang: $lang) metadata { actor role recordedAt }';
export const TRAIL_QUERY = `query WsTrail($filter: AuditFilter, $first: Int, $after: String, $last: Int, $before: String, $lang: String) {
  auditTrail(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { ${ENTRY} } }
  }
  plans { id title }
}`;

/** The export: pages of 500 with every field. */
export const EXPORT_QUERY = `query WsExport($filter: AuditFilter, $after: String, $lang: String) {
  auditTrail(filter: $filter, first: 500, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { position stream revision type schemaVersion effectiveAt data summary(lang: $lang)
      metadata { actor role commandId correlationId causationId recordedAt effectiveAt hash prevHash streamPrevHash } } }
  }
}`;

const FULL_ENTRY = `position stream revision type schemaVersion effectiveAt data summary(lang: $lang)
  metadata { actor role commandId correlationId causationId recordedAt effectiveAt hash prevHash streamPrevHash }`;
export const EVENT_QUERY = `query WsEvent($before: String!, $at: String!, $lang: String) {
  event: auditTrail(after: $before, first: 1) { edges { node { ${FULL_ENTRY} } } }
  previous: auditTrail(last: 1, before: $at) { edges { node { position metadata { hash } } } }
  next: auditTrail(first: 1, after: $at) { edges { node { position } } }
}`;

export const VERIFY_QUERY = `query WsVerify($expectedHead: String) {
  verifyLedger(expectedHead: $expectedHead) { ok checkedEvents head firstBrokenPosition reason expected found }
}`;

const COMPARE_ACTIVITY = 'id number title weight progress status lifecycle';
export const COMPARE_PLAN_QUERY = `query WsComparePlan($id: ID!, $now: AsOf, $then: AsOf) {
  now: plan(id: $id, asOf: $now) { id title implementationRate commitments { id number title implementationRate } }
  then: plan(id: $id, asOf: $then) { id title implementationRate commitments { id number title implementationRate } }
}`;
export const COMPARE_COMMITMENT_QUERY = `query WsCompareCommitment($id: ID!, $now: AsOf, $then: AsOf) {
  now: commitment(id: $id, asOf: $now) { id title implementationRate activities { ${COMPARE_ACTIVITY} } }
  then: commitment(id: $id, asOf: $then) { id title implementationRate activities { ${COMPARE_ACTIVITY} } }
}`;

export interface WsAction {
  id: string;
  text: string;
  date: string | null;
  reason: string | null;
  effectiveAt: string | null;
}
export interface WsActivity {
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
  actionsDone: WsAction[];
  actionsNotDone: WsAction[];
  additionalActions: WsAction[];
}
export interface WsCommitmentData {
  id: string;
  planId: string;
  number: number;
  title: string;
  leadOrganisation: string;
  problem: string | null;
  description: string | null;
  implementationRate: number | null;
  version: number;
  lastUpdatedAt: string | null;
  lastPosition: string | null;
  results: string | null;
  contribution: string | null;
  nextSteps: string | null;
  axis: { id: string; title: string };
  activities: WsActivity[];
  communicationActions: Array<{ id: string; action: string; date: string | null; target: string | null; indicators: string | null }>;
  leads?: Array<{ userId: string; assignedAt: string | null }> | null;
}
export interface WsPlanData {
  id: string;
  title: string;
  country: string;
  period: string;
  implementationRate: number | null;
  version: number;
  lastUpdatedAt: string | null;
  periods: Array<{ name: string; endsAt: string }>;
  axes: Array<{ id: string; title: string; order: number; implementationRate: number | null }>;
  commitments: Array<{
    id: string;
    number: number;
    title: string;
    leadOrganisation: string;
    implementationRate: number | null;
    version: number;
    axis: { id: string };
    activities: Array<{ id: string }>;
  }>;
}
export interface CommitmentPayload {
  version: number;
  position: string;
  commitment: WsCommitmentData;
}
export interface PlanPayload {
  version: number;
  position: string;
  plan: WsPlanData;
}
export interface AuditNode {
  position: string;
  stream: string;
  revision: number;
  type: string;
  schemaVersion?: number;
  effectiveAt: string;
  data?: unknown;
  summary: string;
  metadata: {
    actor: string | null;
    role: string | null;
    recordedAt: string;
    commandId?: string | null;
    correlationId?: string | null;
    causationId?: string | null;
    effectiveAt?: string;
    hash?: string | null;
    prevHash?: string | null;
    streamPrevHash?: string | null;
  } | null;
}
