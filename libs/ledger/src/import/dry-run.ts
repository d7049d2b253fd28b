import { decideCommitment } from '../commitment/commitment.decider';
import { evolveCommitment, initialCommitmentState, type CommitmentState } from '../commitment/commitment.state';
import { decidePlan } from '../plan/plan.decider';
import { evolvePlan, initialPlanState, type PlanState } from '../plan/plan.state';
import { checks } from '../shared/checks';
import { LedgerError } from '../shared/ledger-error';
import { commitmentIdOf } from '../shared/stream-names';
import type { ImportStep } from './plan-file-commands';

/** A problem found in a plan file, located by JSON pointer. */
export interface ImportProblem {
  pointer: string;
  code: string;
  message: string;
}

/**
 * Runs every step through the real deciders on an empty, in-memory ledger and reports every
 * rule a step breaks, with the pointer of the file element it comes from. Nothing is written.
 * A step that fails is skipped so later, independent problems are still found.
 */
export interface DryRunResult {
  problems: ImportProblem[];
  plans: Map<string, PlanState>;
  commitments: Map<string, CommitmentState>;
}

export function dryRun(steps: readonly ImportStep[]): DryRunResult {
  const problems: ImportProblem[] = [];
  const plans = new Map<string, PlanState>();
  const commitments = new Map<string, CommitmentState>();
  const failed: string[] = [];
  for (const step of steps) {
    // Steps under an element that already failed (an activity of an unregistered commitment) add only noise.
    if (failed.some((f) => step.pointer.startsWith(`${f}/`))) continue;
    try {
      checks().effectiveDate('effectiveAt', step.effectiveAt, undefined, true).throwIfAny();
      const { command } = step;
      switch (command.type) {
        case 'DefinePlan':
        case 'AddAxis':
        case 'CloseReportingPeriod': {
          const id = command.data.planId;
          const state = plans.get(id) ?? initialPlanState;
          plans.set(id, decidePlan(command, state).reduce(evolvePlan, state));
          break;
        }
        default: {
          const id =
            command.type === 'RegisterCommitment' ? commitmentIdOf(command.data.planId, command.data.number) : command.data.commitmentId;
          const state = commitments.get(id) ?? initialCommitmentState;
          const plan = command.type === 'RegisterCommitment' ? plans.get(command.data.planId) : undefined;
          const events = decideCommitment(command, state, { plan });
          commitments.set(
            id,
            events.reduce((s, e) => evolveCommitment(s, e), state),
          );
        }
      }
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      failed.push(step.pointer);
      const fieldProblems = (error.details.problems as Array<{ field: string; message: string }> | undefined) ?? [];
      const field = typeof error.details.field === 'string' ? error.details.field : undefined;
      if (fieldProblems.length === 0) problems.push({ pointer: pointerOf(step, field), code: error.code, message: error.message });
      for (const p of fieldProblems) problems.push({ pointer: pointerOf(step, p.field), code: error.code, message: p.message });
    }
  }
  return { problems, plans, commitments };
}

/** Points at the file field a command field comes from (the file says `axis`, the command `axisId`). */
function pointerOf(step: ImportStep, field: string | undefined): string {
  // Steps whose pointer names no file key: a figure's step ends in /progress, an outcome's in /outcome.
  const progress = step.pointer.endsWith('/progress');
  const base = progress ? step.pointer.slice(0, -'/progress'.length) : step.pointer.replace(/\/outcome$/, '');
  const renamed = field === undefined ? undefined : FILE_FIELD[step.command.type]?.[field];
  if (renamed) return `${base}/${renamed}`;
  if (field === undefined || field === 'activityId' || field === 'commitmentId' || field === 'planId') return step.pointer;
  if (field === 'effectiveAt') return progress ? `${base}/progressEffectiveAt` : step.pointer;
  return `${base}/${field}`;
}

/** Command fields that the plan file names differently. */
const FILE_FIELD: Partial<Record<ImportStep['command']['type'], Record<string, string>>> = {
  RegisterCommitment: { axisId: 'axis' },
  AddAxis: { axisId: 'id' },
  DefinePlan: { planId: 'id' },
};
