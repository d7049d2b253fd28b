import { decideAccess, evolveAccess, initialAccessState, type AccessState } from '../access/access.decider';
import { decideCommitment } from '../commitment/commitment.decider';
import { evolveCommitment, initialCommitmentState, type CommitmentState } from '../commitment/commitment.state';
import { decideEffectiveAt } from '../commitment/effective-date';
import { decidePlan } from '../plan/plan.decider';
import { evolvePlan, initialPlanState, type PlanState } from '../plan/plan.state';
import { checks } from '../shared/checks';
import { LedgerError } from '../shared/ledger-error';
import { commitmentIdOf, planIdOfCommitment } from '../shared/stream-names';
import type { ImportStep } from './plan-file-commands';

/** A problem found in a plan file, located by JSON pointer, with the rule it breaks (as the API names it). */
export interface ImportProblem {
  pointer: string;
  code: string;
  message: string;
  rule?: string;
}

/** The ledger a dry run starts from: empty, or the current state of a plan being revised. */
export interface DryRunStart {
  plans?: ReadonlyMap<string, PlanState>;
  commitments?: ReadonlyMap<string, CommitmentState>;
  /** Lead assignments by plan id. */
  access?: ReadonlyMap<string, AccessState>;
  /** The time of the import: a business date after it (plus a minute) is refused, as the command handler would. */
  now?: Date;
}

export interface DryRunResult {
  problems: ImportProblem[];
  plans: Map<string, PlanState>;
  commitments: Map<string, CommitmentState>;
  access: Map<string, AccessState>;
}

/**
 * Runs every step through the real deciders on an in-memory copy of the ledger and reports every
 * rule a step breaks, with the pointer of the file element it comes from. Nothing is written.
 * A step that fails is skipped so later, independent problems are still found; each problem is
 * reported once (a missing plan date is one problem, not one per command dated by it).
 */
export function dryRun(steps: readonly ImportStep[], start: DryRunStart = {}): DryRunResult {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const report = (p: ImportProblem) => {
    const key = `${p.pointer}\u0000${p.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(p);
  };
  const plans = new Map(start.plans ?? []);
  const commitments = new Map(start.commitments ?? []);
  const access = new Map(start.access ?? []);
  const failed: string[] = [];
  const latest = start.now && new Date(start.now.getTime() + 60_000);
  for (const step of steps) {
    // Steps under an element that already failed (an activity of an unregistered commitment) add only noise.
    if (failed.some((f) => step.pointer.startsWith(`${f}/`))) continue;
    // A bad date is the date field's problem: reported there, and the command is still decided.
    const date = checks().effectiveDate(lastKey(step.datePointer), step.effectiveAt, latest, true);
    if (!date.ok) collect(date, step.datePointer, report);
    try {
      decideStep(step, plans, commitments, access);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      failed.push(step.pointer);
      const fieldProblems = (error.details.problems as Array<{ field: string; message: string; rule?: string }> | undefined) ?? [];
      const field = typeof error.details.field === 'string' ? error.details.field : undefined;
      const rule = error.code === 'NOT_FOUND' ? 'notFound' : error.code === 'ILLEGAL_STATE' ? 'illegalState' : 'invalid';
      if (fieldProblems.length === 0) report({ pointer: pointerOf(step, field), code: error.code, message: error.message, rule });
      for (const p of fieldProblems) report({ pointer: pointerOf(step, p.field), code: error.code, message: p.message, rule: p.rule });
    }
  }
  return { problems, plans, commitments, access };
}

function decideStep(
  step: ImportStep,
  plans: Map<string, PlanState>,
  commitments: Map<string, CommitmentState>,
  access: Map<string, AccessState>,
): void {
  const { command } = step;
  switch (command.type) {
    case 'DefinePlan':
    case 'AddAxis':
    case 'CloseReportingPeriod': {
      const id = command.data.planId;
      const state = plans.get(id) ?? initialPlanState;
      plans.set(id, decidePlan(command, state).reduce(evolvePlan, state));
      return;
    }
    case 'AssignLead':
    case 'RevokeLead': {
      const planId = planIdOfCommitment(command.data.commitmentId);
      const state = access.get(planId) ?? initialAccessState;
      const commitment = commitments.get(command.data.commitmentId) ?? initialCommitmentState;
      access.set(planId, decideAccess(command, state, commitment).reduce(evolveAccess, state));
      return;
    }
    default: {
      const id =
        command.type === 'RegisterCommitment' ? commitmentIdOf(command.data.planId, command.data.number) : command.data.commitmentId;
      const state = commitments.get(id) ?? initialCommitmentState;
      const plan = command.type === 'RegisterCommitment' ? plans.get(command.data.planId) : undefined;
      const events = decideCommitment(command, state, { plan });
      // The command handler's date rule (ADR 0007); a malformed date is already reported on its field.
      const effectiveAt = Number.isNaN(Date.parse(step.effectiveAt))
        ? step.effectiveAt
        : decideEffectiveAt(command, state, { requested: step.effectiveAt, recordedAt: step.effectiveAt });
      commitments.set(
        id,
        events.reduce((s, e) => evolveCommitment(s, e, { effectiveAt }), state),
      );
    }
  }
}

function collect(found: ReturnType<typeof checks>, pointer: string, report: (p: ImportProblem) => void): void {
  try {
    found.throwIfAny();
  } catch (error) {
    const list = ((error as LedgerError).details.problems as Array<{ message: string; rule: string }>) ?? [];
    for (const p of list) report({ pointer, code: 'VALIDATION_FAILED', message: p.message, rule: p.rule });
  }
}

const lastKey = (pointer: string): string => pointer.slice(pointer.lastIndexOf('/') + 1);

/** Points at the file field a command field comes from (the file says `axis`, the command `axisId`). */
function pointerOf(step: ImportStep, field: string | undefined): string {
  // Steps whose pointer names no file key: a figure's step ends in /progress, an outcome's in /outcome.
  const progress = step.pointer.endsWith('/progress');
  const base = progress ? step.pointer.slice(0, -'/progress'.length) : step.pointer.replace(/\/(outcome|lifecycle)$/, '');
  const renamed = field === undefined ? undefined : FILE_FIELD[step.command.type]?.[field];
  if (renamed) return renamed === '.' ? step.pointer : `${base}/${renamed}`;
  if (field === undefined || field === 'activityId' || field === 'commitmentId' || field === 'planId') return step.pointer;
  if (field === 'effectiveAt') return step.datePointer;
  if (step.command.type === 'SuspendActivity' || step.command.type === 'CancelActivity' || step.command.type === 'ResumeActivity')
    return `${step.pointer}/${field}`;
  return `${base}/${field}`;
}

/** Command fields that the plan file names differently ('.': the element itself). */
const FILE_FIELD: Partial<Record<ImportStep['command']['type'], Record<string, string>>> = {
  RegisterCommitment: { axisId: 'axis' },
  AddAxis: { axisId: 'id' },
  DefinePlan: { planId: 'id' },
  AssignLead: { userId: '.' },
  RevokeLead: { userId: '.' },
};
