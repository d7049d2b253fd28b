import type { GqlResponse, TestApp } from './test-app';

/** One frozen instant for suites where "now" matters (recordedAt, effectiveAt in the future). */
export const FROZEN_NOW = new Date('2021-06-30T12:00:00.000Z');
export const frozenClock = (): Date => new Date(FROZEN_NOW);

/** The GraphQL input type of each mutation's `input` argument (as in the schema). */
export const INPUT_TYPES: Record<string, string> = {
  definePlan: 'DefinePlanInput',
  addAxis: 'AddAxisInput',
  closeReportingPeriod: 'CloseReportingPeriodInput',
  registerCommitment: 'RegisterCommitmentInput',
  planActivity: 'PlanActivityInput',
  setActivityWeight: 'SetActivityWeightInput',
  reportActivityProgress: 'ReportActivityProgressInput',
  correctActivityProgress: 'CorrectActivityProgressInput',
  recordAction: 'RecordActionInput',
  retractAction: 'RetractActionInput',
  logCommunicationAction: 'LogCommunicationActionInput',
  recordOutcome: 'RecordOutcomeInput',
  suspendActivity: 'ActivityLifecycleInput',
  resumeActivity: 'ActivityLifecycleInput',
  cancelActivity: 'ActivityLifecycleInput',
  assignLead: 'LeadAssignmentInput',
  revokeLead: 'LeadAssignmentInput',
};

const PLAN_MUTATIONS = new Set(['definePlan', 'addAxis', 'closeReportingPeriod']);

export const ACTIVITY_FIELDS =
  'id number title weight progress status lifecycle lifecycleReason progressEffectiveAt ' +
  'actionsDone { id text date reason effectiveAt } actionsNotDone { id text date reason effectiveAt } additionalActions { id text date reason effectiveAt }';
export const COMMITMENT_FIELDS = `id number title leadOrganisation problem description implementationRate version axis { id }
  activities { ${ACTIVITY_FIELDS} } communicationActions { id action date target indicators } results contribution nextSteps`;
export const PLAN_FIELDS = `id title country period implementationRate version periods { name endsAt }
  axes { id title order implementationRate commitments { id } } commitments { id implementationRate }`;

/** `mutation($input: <Type>!) { <name>(input: $input) { version position <plan|commitment> { … } } }` */
export function mutationDocument(name: string): string {
  const type = INPUT_TYPES[name];
  if (!type) throw new Error(`no input type known for mutation ${name}`);
  const body = PLAN_MUTATIONS.has(name) ? `plan { ${PLAN_FIELDS} }` : `commitment { ${COMMITMENT_FIELDS} }`;
  return `mutation($input: ${type}!) { ${name}(input: $input) { version position ${body} } }`;
}

/** Sends one mutation with its input as a variable. */
export function mutate(t: TestApp, name: string, input: Record<string, unknown>, as?: Parameters<TestApp['gql']>[2]): Promise<GqlResponse> {
  return t.gql(mutationDocument(name), { input }, as);
}

/** Sends a mutation that must succeed (setup steps); fails loudly with the server's message. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function mustMutate(t: TestApp, name: string, input: Record<string, unknown>): Promise<any> {
  const res = await mutate(t, name, input);
  if (res.errors) throw new Error(`setup ${name}(${JSON.stringify(input)}) failed: ${res.errors.map((e) => e.message).join('; ')}`);
  return res.data![name];
}
