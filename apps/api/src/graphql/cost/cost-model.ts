import {
  getNullableType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { planIdOfCommitment } from '@ledger/domain';
import type { ReadModelStats } from '@ledger/projections';
import { hiddenArgumentPaths } from './hidden-arguments';
import { seriesPoints } from './series-points';

/**
 * The cost model (docs/adr/0009). A unit is about one event folded or one value written out. Each
 * field costs 1 + its own work + (list length × what is selected under it): list lengths come from
 * `first` or from the read model's actual sizes, work from the arguments (one sweep over the plan's
 * events plus the points for a series, events for time travel, the scanned log for an audit page
 * that must count or filter).
 */
export const COST = {
  defaultPageSize: 50,
  /** Months a report's rate chart may hold (its series is one sweep: events + points). */
  reportPoints: 60,
} as const;

export interface CostInputs {
  stats: ReadModelStats;
  /** Events in the whole log (what an unfiltered audit scan or a verification reads). */
  logEvents: number;
  /** The time, read only by estimates that depend on it (a series without `to`): those are never cached. */
  now: () => Date;
}

export interface CostEstimate {
  cost: number;
  /** Hidden arguments given (see hidden-arguments.ts): the root field and the argument's path. */
  hiddenArguments: Array<{ field: string; path: string }>;
}

type Args = Record<string, unknown>;
interface Scope extends CostInputs {
  fragments: Map<string, FragmentDefinitionNode>;
  /** The length assumed for a list this model does not know: the read model's longest. */
  fallbackList: number;
}

const eventsOfPlan = (s: Scope, planId: unknown): number => s.stats.eventsOfPlan.get(String(planId)) ?? 0;
const eventsOfCommitment = (s: Scope, id: unknown): number => eventsOfPlan(s, planIdOfCommitment(String(id)));
const hasAsOf = (args: Args): boolean => Object.values((args.asOf as Args | null) ?? {}).some((v) => v !== null && v !== undefined);
/** A page's size: `first` forwards, `last` backwards (auditTrail), else the default. */
const pageSize = (args: Args): number => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : COST.defaultPageSize;
  return Math.max(0, size);
};

/** Extra work a field does besides writing out what is selected. */
const WORK: Record<string, (args: Args, s: Scope, selection: SelectionSetNode | undefined) => number> = {
  'Query.plan': (a, s) => (hasAsOf(a) ? eventsOfPlan(s, a.id) : 0),
  'Query.commitment': (a, s) => (hasAsOf(a) ? eventsOfCommitment(s, a.id) : 0),
  // One sweep over the plan's facts sorted by effective date, walked beside the points (ADR 0007).
  'Query.rateHistory': (a, s) => eventsOfPlan(s, a.planId) + seriesPoints(a, s.now),
  'Query.changes': (a, s) => 3 * eventsOfPlan(s, a.planId),
  // The plan as of the date, its chart series (one sweep) and the text written out.
  'Query.selfAssessmentReport': (a, s) => 3 * eventsOfPlan(s, a.planId) + COST.reportPoints,
  'Query.auditTrail': auditWork,
  // Auditors only, and it yields to the event loop as it goes: priced low enough to run on any log.
  'Query.verifyLedger': (_a, s) => Math.ceil(s.logEvents / 100),
};

/** Lengths of the read model's lists. */
const LIST: Record<string, (args: Args, s: Scope) => number> = {
  'Query.plans': (_a, s) => s.stats.plans,
  'Query.rateHistory': (a, s) => seriesPoints(a, s.now),
  'Plan.axes': (_a, s) => s.stats.maxAxesPerPlan,
  'Plan.commitments': (_a, s) => s.stats.maxCommitmentsPerPlan,
  'Plan.periods': (_a, s) => s.stats.maxPeriodsPerPlan,
  'Axis.commitments': (_a, s) => s.stats.maxCommitmentsPerAxis,
  'Commitment.activities': (_a, s) => s.stats.maxActivitiesPerCommitment,
  'Commitment.communicationActions': (_a, s) => s.stats.maxCommunicationActionsPerCommitment,
  'Activity.actionsDone': (_a, s) => s.stats.maxActionsPerActivity,
  'Activity.actionsNotDone': (_a, s) => s.stats.maxActionsPerActivity,
  'Activity.additionalActions': (_a, s) => s.stats.maxActionsPerActivity,
  'PlanChanges.commitments': (_a, s) => s.stats.maxCommitmentsPerPlan,
  'CommitmentChange.events': (_a, s) => s.stats.maxEventsPerCommitment,
  'Viewer.commitments': (_a, s) => Math.max(1, s.stats.plans) * s.stats.maxCommitmentsPerPlan,
};

/**
 * An audit page reads `first` events after its cursor, unless it must count them all
 * (totalCount selected) or skip non-matching ones (any criterion beyond plan/commitment): then
 * every candidate event — the plan's, the commitment's, or the whole log.
 */
function auditWork(args: Args, s: Scope, selection: SelectionSetNode | undefined): number {
  const filter = (args.filter as Args | null) ?? {};
  const given = (k: string) => filter[k] !== null && filter[k] !== undefined;
  const candidates =
    given('commitmentId') || given('activityId')
      ? eventsOfCommitment(s, filter.commitmentId ?? filter.activityId)
      : given('planId')
        ? eventsOfPlan(s, filter.planId)
        : s.logEvents;
  const filtering = Object.keys(filter).some((k) => given(k) && k !== 'planId' && k !== 'commitmentId');
  return filtering || selects(selection, 'totalCount', s.fragments) ? candidates : pageSize(args) + 1;
}

/** Whether a selection set asks for `name`, directly or through fragments. */
function selects(
  set: SelectionSetNode | undefined,
  name: string,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): boolean {
  return (set?.selections ?? []).some((sel) => {
    if (sel.kind === Kind.FIELD) return sel.name.value === name;
    if (sel.kind === Kind.INLINE_FRAGMENT) return selects(sel.selectionSet, name, fragments, seen);
    if (seen.has(sel.name.value)) return false;
    seen.add(sel.name.value);
    return selects(fragments.get(sel.name.value)?.selectionSet, name, fragments, seen);
  });
}

function listLength(key: string, field: ComplexityEstimatorArgs['field'], args: Args, s: Scope, parent: string): number {
  if (field.args.some((a) => a.name === 'first' || a.name === 'last')) return pageSize(args);
  if (!isListType(getNullableType(field.type))) return 1;
  if (parent.endsWith('Connection')) return 1; // its field with `first` already counted the page
  const known = LIST[key];
  return Math.max(1, known ? known(args, s) : s.fallbackList);
}

/** Estimates an operation's cost and collects the hidden arguments it uses, before anything runs. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  inputs: CostInputs,
): CostEstimate {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const { stats } = inputs;
  const longest = [
    stats.plans,
    stats.maxAxesPerPlan,
    stats.maxCommitmentsPerPlan,
    stats.maxActivitiesPerCommitment,
    stats.maxActionsPerActivity,
  ];
  const scope: Scope = { ...inputs, fragments, fallbackList: Math.max(10, ...longest) };
  const hidden = new Map<string, { field: string; path: string }>();
  const estimator = ({ type, field, node, args, childComplexity }: ComplexityEstimatorArgs): number => {
    const key = `${type.name}.${field.name}`;
    if (type.name === 'Query')
      for (const path of hiddenArgumentPaths(args)) hidden.set(`${field.name}(${path})`, { field: field.name, path });
    const work = WORK[key]?.(args, scope, node.selectionSet) ?? 0;
    return 1 + work + listLength(key, field, args, scope, type.name) * childComplexity;
  };
  const cost = getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
  return { cost, hiddenArguments: [...hidden.values()] };
}
