import type { ActionKind } from '../commitment/commitment.events';
import type { ActivityState } from '../commitment/commitment.state';
import type { PlanFileAction, PlanFileActivity } from './plan-file';
import type { ReportParts } from './plan-file-commands';

const same = (a: string | undefined, b: string | undefined): boolean => (a ?? '').trim() === (b ?? '').trim();
const LISTS: Array<[keyof PlanFileActivity, ActionKind]> = [
  ['actionsDone', 'DONE'],
  ['actionsNotDone', 'NOT_DONE'],
  ['additionalActions', 'ADDITIONAL'],
];

/**
 * What a revised file changes on an activity the ledger knows: a new weight, a figure dated after
 * the ledger's, a lifecycle change, new actions. A different title, a changed figure on the same
 * date (a correction needs a reason), a removed figure or action, a reactivated cancelled
 * activity cannot be expressed and are refused.
 */
export function diffActivity(
  a: PlanFileActivity,
  known: ActivityState,
  at: string,
  refuse: (pointer: string, message: string) => void,
): ReportParts & { weight: boolean } {
  const id = known.id;
  if (!same(a.title, known.title))
    refuse(`${at}/title`, `activity ${id} is titled ${JSON.stringify(known.title)} in the ledger; activities cannot be renamed`);
  const parts = { weight: a.weight !== known.weight, figure: false, lifecycle: false, actions: new Set<string>() };

  const ledgerDay = known.progressEffectiveAt?.slice(0, 10);
  if (a.progress === undefined) {
    if (known.reported)
      refuse(`${at}/progress`, `activity ${id} has a figure (${known.progress} %) in the ledger; export the plan again and edit that copy`);
  } else if (!known.reported || ledgerDay === undefined) parts.figure = true;
  else {
    const changed = a.progress !== known.progress || (a.status !== undefined && a.status !== known.status);
    const day = a.progressEffectiveAt ?? '';
    if (changed && day > ledgerDay) parts.figure = true;
    else if (changed && day === ledgerDay)
      refuse(
        `${at}/progress`,
        `activity ${id} has ${known.progress} % (${known.status}) on ${ledgerDay} in the ledger; a different figure on the same date is a correction: use correctActivityProgress with a reason`,
      );
    else if (changed)
      refuse(
        `${at}/progressEffectiveAt`,
        `activity ${id} has a later figure in the ledger (${known.progress} % on ${ledgerDay}); export the plan again and edit that copy`,
      );
  }

  const wanted = a.lifecycle?.state ?? 'ACTIVE';
  if (wanted !== known.lifecycle) {
    if (known.lifecycle === 'CANCELLED')
      refuse(`${at}/lifecycle`, `activity ${id} is cancelled in the ledger; a cancelled activity cannot be reactivated`);
    else if (!a.lifecycle?.reason)
      refuse(
        `${at}/lifecycle/reason`,
        `activity ${id} is ${known.lifecycle} in the ledger: changing it to ${wanted} needs a Lifecycle reason`,
      );
    else parts.lifecycle = true;
  }

  const recorded = known.actions.filter((x) => !x.retracted);
  for (const [key, kind] of LISTS)
    ((a[key] as PlanFileAction[] | undefined) ?? []).forEach((x, xi) => {
      const i = recorded.findIndex((r) => r.kind === kind && same(r.text, x.text) && same(r.date, x.date));
      if (i >= 0) recorded.splice(i, 1);
      else parts.actions.add(`${at}/${key}/${xi}`);
    });
  for (const r of recorded)
    refuse(
      `${at}/${LISTS.find(([, k]) => k === r.kind)![0]}`,
      `action ${JSON.stringify(r.text)} of activity ${id} is in the ledger but not in the file: retract it (retractAction, with a reason) instead of removing it`,
    );
  return parts;
}
