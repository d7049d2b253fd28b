import {
  activityIrmCompletion,
  commitmentIrmCompletion,
  meanRate,
  rateOf,
  type ActionEntryState,
  type ActivityState,
  type CommitmentState,
  type IrmCompletion,
  type PlanState,
} from '@ledger/domain';
import type { ActivityExtras, CommitmentRecord } from './commitments.projection';
import { laterOf } from './last-update';
import type { PlanRecord } from './plans.projection';

/** Shapes the API serves; rates are computed here from the read models, unrounded, null while nothing counts. */
export interface ActionEntryView {
  id: string;
  text: string;
  date?: string;
  reason?: string;
  effectiveAt?: string;
}
/** When an entry last changed: recording time and log position of that event. */
export interface LastUpdatedView {
  lastUpdatedAt?: string;
  lastPosition?: string;
}
export interface ActivityView extends LastUpdatedView {
  id: string;
  number: number;
  title: string;
  weight: number;
  progress: number;
  status: ActivityState['status'];
  lifecycle: ActivityState['lifecycle'];
  lifecycleReason?: string;
  /** The note of the progress figure in force (a correction keeps the note of the figure it corrects). */
  note?: string;
  progressEffectiveAt?: string;
  /** OGP IRM completion level (libs/ledger rates/irm-completion). */
  irmCompletion: IrmCompletion;
  actionsDone: ActionEntryView[];
  actionsNotDone: ActionEntryView[];
  additionalActions: ActionEntryView[];
}
export interface CommitmentView
  extends
    Pick<
      CommitmentState,
      | 'id'
      | 'planId'
      | 'axisId'
      | 'number'
      | 'title'
      | 'leadOrganisation'
      | 'problem'
      | 'description'
      | 'communicationActions'
      | 'results'
      | 'contribution'
      | 'nextSteps'
    >,
    LastUpdatedView {
  implementationRate: number | null;
  irmCompletion: IrmCompletion;
  activities: ActivityView[];
  version: number;
}
export interface AxisView {
  id: string;
  planId: string;
  title: string;
  order: number;
  implementationRate: number | null;
  commitments: CommitmentView[];
}
export interface PlanView extends Pick<PlanState, 'id' | 'country' | 'title' | 'period' | 'periods'>, LastUpdatedView {
  implementationRate: number | null;
  axes: AxisView[];
  commitments: CommitmentView[];
  version: number;
}

const entries = (actions: readonly ActionEntryState[], kind: ActionEntryState['kind']): ActionEntryView[] =>
  actions
    .filter((a) => a.kind === kind && !a.retracted)
    .map(({ id, text, date, reason, effectiveAt }) => ({ id, text, date, reason, effectiveAt }));

/**
 * An activity's view. Its action lists (texts read from the log) are getters resolved on first
 * read: a page that shows rates only never reads a text; serialisers and equality still see them.
 */
export function activityView(a: ActivityState, extras?: ActivityExtras): ActivityView {
  let done: ActionEntryView[] | undefined;
  let notDone: ActionEntryView[] | undefined;
  let additional: ActionEntryView[] | undefined;
  return {
    id: a.id,
    number: a.number,
    title: a.title,
    weight: a.weight,
    progress: a.progress,
    status: a.status,
    lifecycle: a.lifecycle,
    lifecycleReason: a.lifecycleReason,
    note: a.note,
    progressEffectiveAt: a.progressEffectiveAt,
    irmCompletion: activityIrmCompletion(a),
    lastUpdatedAt: extras?.lastUpdate.at,
    lastPosition: extras?.lastUpdate.position,
    get actionsDone() {
      return (done ??= entries(a.actions, 'DONE'));
    },
    get actionsNotDone() {
      return (notDone ??= entries(a.actions, 'NOT_DONE'));
    },
    get additionalActions() {
      return (additional ??= entries(a.actions, 'ADDITIONAL'));
    },
  };
}

export function commitmentView({ state, version, lastUpdate, activities: extras }: CommitmentRecord): CommitmentView {
  const implementationRate = rateOf(state);
  return {
    id: state.id,
    planId: state.planId,
    axisId: state.axisId,
    number: state.number,
    title: state.title,
    leadOrganisation: state.leadOrganisation,
    problem: state.problem,
    description: state.description,
    get communicationActions() {
      return state.communicationActions;
    },
    results: state.results,
    contribution: state.contribution,
    nextSteps: state.nextSteps,
    implementationRate,
    irmCompletion: commitmentIrmCompletion(state.activities, implementationRate),
    activities: state.activities.map((a) => activityView(a, extras?.[a.id])),
    version,
    lastUpdatedAt: lastUpdate?.at,
    lastPosition: lastUpdate?.position,
  };
}

export function planView(record: PlanRecord, commitments: CommitmentRecord[]): PlanView {
  const { state, version } = record;
  const views = commitments.map(commitmentView);
  const axes = state.axes.map((axis) => {
    const mine = views.filter((c) => c.axisId === axis.id);
    return {
      id: axis.id,
      planId: state.id,
      title: axis.title,
      order: axis.order,
      implementationRate: meanRate(mine.map((c) => c.implementationRate)),
      commitments: mine,
    };
  });
  // The plan changed when its own stream or any of its commitments did.
  const last = commitments.reduce((acc, c) => laterOf(acc, c.lastUpdate), record.lastUpdate);
  return {
    id: state.id,
    country: state.country,
    title: state.title,
    period: state.period,
    periods: state.periods,
    implementationRate: meanRate(views.map((c) => c.implementationRate)),
    axes,
    commitments: views,
    version,
    lastUpdatedAt: last?.at,
    lastPosition: last?.position,
  };
}
