import type { LedgerReadModel } from './ledger-read-model';
import type { ActionEntryView, ActivityView, CommitmentView, PlanView } from './views';

/**
 * The live views (plan, commitment, all plans), computed once per log position and shared by every
 * reader at that position (issue 13, docs/adr/0013): a dashboard query, each live subscriber and
 * each `Commitment.axis` asked at one position read the same objects. A view depends on the read
 * models alone, never on who asks (fields that depend on rights, such as `leads` or event metadata,
 * are resolved per request, next to the view). Whenever the read models are at another position —
 * or are another instance — nothing cached is served. Views are frozen: a reader that tried to
 * change a shared view would throw instead of changing what the next reader sees.
 */
export class ViewCache {
  private model: LedgerReadModel | undefined;
  private position = -1n;
  private readonly plans = new Map<string, PlanView>();
  private readonly commitments = new Map<string, CommitmentView>();
  private all: PlanView[] | undefined;

  /** `source` is read at every call: the cache follows whichever read models are current. */
  constructor(private readonly source: () => LedgerReadModel) {}

  /** The position of the views cached now (-1 when none): for tests and diagnostics. */
  get cachedPosition(): bigint {
    return this.position;
  }

  plan(id: string): PlanView | undefined {
    const model = this.current();
    const hit = this.plans.get(id);
    if (hit) return hit;
    // Unknown ids are not remembered: a caller sending random ids cannot grow the cache.
    const view = model.plan(id);
    if (view) this.plans.set(id, freezePlan(view));
    return view;
  }

  commitment(id: string): CommitmentView | undefined {
    const model = this.current();
    const hit = this.commitments.get(id);
    if (hit) return hit;
    const view = model.commitment(id);
    if (view) this.commitments.set(id, freezeCommitment(view));
    return view;
  }

  allPlans(): PlanView[] {
    const model = this.current();
    this.all ??= Object.freeze(model.allPlans().map(freezePlan)) as PlanView[];
    return this.all;
  }

  /** The read models behind the cache, after dropping what a previous position cached. */
  private current(): LedgerReadModel {
    const model = this.source();
    if (model !== this.model || model.position !== this.position) {
      this.plans.clear();
      this.commitments.clear();
      this.all = undefined;
      this.model = model;
      this.position = model.position;
    }
    return model;
  }
}

// What the view functions build is frozen; arrays the views share with the read models' own state
// (a commitment's communication actions, a plan's periods) are left to the projections.
function freezePlan(plan: PlanView): PlanView {
  for (const axis of plan.axes) Object.freeze(Object.freeze(axis).commitments);
  plan.commitments.forEach(freezeCommitment);
  Object.freeze(plan.axes);
  Object.freeze(plan.commitments);
  return Object.freeze(plan);
}

function freezeCommitment(commitment: CommitmentView): CommitmentView {
  if (Object.isFrozen(commitment)) return commitment;
  commitment.activities.forEach(freezeActivity);
  Object.freeze(commitment.activities);
  return Object.freeze(commitment);
}

const ACTION_LISTS = ['actionsDone', 'actionsNotDone', 'additionalActions'] as const;

// An activity's action lists are read from the log on first read (views.ts): freezing them here
// would read every text of the plan at each position, for pages that show rates only. Each list
// is frozen when first read instead; the activity itself is frozen now.
function freezeActivity(activity: ActivityView): void {
  for (const name of ACTION_LISTS) {
    const { get } = Object.getOwnPropertyDescriptor(activity, name) ?? {};
    if (!get) {
      freezeList(activity[name]);
      continue;
    }
    let list: ActionEntryView[] | undefined;
    Object.defineProperty(activity, name, { enumerable: true, get: () => (list ??= freezeList(get.call(activity) as ActionEntryView[])) });
  }
  Object.freeze(activity);
}

function freezeList<T extends object>(list: T[]): T[] {
  list.forEach((entry) => Object.freeze(entry));
  return Object.freeze(list) as T[];
}
