import {
  activityIrmCompletion,
  commitmentIrmCompletion,
  rateOf,
  type ActionEntryState,
  type LedgerPlanSnapshot,
  type PlanFile,
  type PlanFileAction,
  type PlanFileActivity,
} from '@ledger/domain';
import type { ComputedFigures } from './plan-to-rows';

const day = (iso: string | undefined): string | undefined => iso?.slice(0, 10);
const LISTS = { DONE: 'actionsDone', NOT_DONE: 'actionsNotDone', ADDITIONAL: 'additionalActions' } as const;

/**
 * The plan as the ledger holds it, in the plan-file model (the workbook and the JSON file write it):
 * structure, weights, latest figures with their dates, lifecycles, actions (retracted ones left
 * out), communication actions, outcome texts and leads. `planEffectiveAt` is the plan's start
 * (the business date of its PlanDefined event).
 */
export function ledgerToPlan(snapshot: LedgerPlanSnapshot, planEffectiveAt: string): { file: PlanFile; computed: ComputedFigures } {
  const { plan, access } = snapshot;
  const commitments = [...snapshot.commitments].sort((a, b) => a.number - b.number);
  const computed = { commitments: new Map(), activities: new Map() } as {
    commitments: Map<number, { implementationRate: number | null; irmCompletion: ReturnType<typeof commitmentIrmCompletion> }>;
    activities: Map<string, ReturnType<typeof activityIrmCompletion>>;
  };
  const file: PlanFile = {
    plan: { id: plan.id, country: plan.country, title: plan.title, period: plan.period, effectiveAt: day(planEffectiveAt)! },
    axes: [...plan.axes].sort((a, b) => a.order - b.order).map((a) => ({ id: a.id, title: a.title })),
    commitments: commitments.map((c) => {
      const rate = rateOf(c);
      computed.commitments.set(c.number, { implementationRate: rate, irmCompletion: commitmentIrmCompletion(c.activities, rate) });
      const leads = access.leads[c.id] ?? [];
      return strip({
        number: c.number,
        title: c.title,
        axis: c.axisId,
        leadOrganisation: c.leadOrganisation,
        problem: c.problem,
        description: c.description,
        activities: c.activities.map((a) => {
          computed.activities.set(`${c.number}.${a.number}`, activityIrmCompletion(a));
          const activity: PlanFileActivity = strip({
            number: a.number,
            title: a.title,
            weight: a.weight,
            ...(a.reported
              ? { progress: a.progress, status: a.status, progressEffectiveAt: day(a.progressEffectiveAt) ?? day(planEffectiveAt) }
              : {}),
            ...(a.lifecycle !== 'ACTIVE' ? { lifecycle: { state: a.lifecycle, reason: a.lifecycleReason ?? '' } } : {}),
          });
          for (const x of a.actions.filter((e) => !e.retracted)) (activity[LISTS[x.kind]] ??= []).push(action(x));
          return activity;
        }),
        communicationActions: c.communicationActions.length
          ? c.communicationActions.map((x) =>
              strip({ action: x.action, date: x.date, effectiveAt: day(x.effectiveAt), target: x.target, indicators: x.indicators }),
            )
          : undefined,
        results: c.results,
        contribution: c.contribution,
        nextSteps: c.nextSteps,
        leads: leads.length ? [...leads] : undefined,
      });
    }),
  };
  return { file, computed };
}

const action = (x: ActionEntryState): PlanFileAction =>
  strip({ text: x.text, date: x.date, reason: x.reason, effectiveAt: day(x.effectiveAt) });

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
