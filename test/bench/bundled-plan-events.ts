import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commitmentIdOf,
  decideCommitment,
  decideEffectiveAt,
  decidePlan,
  evolveCommitment,
  evolvePlan,
  initialCommitmentState,
  initialPlanState,
  planFileToSteps,
  streamName,
  type CommitmentState,
  type PlanFile,
  type PlanState,
} from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/projections';

/**
 * The bundled Morocco plan as the events its import writes (through the real deciders and date
 * rule), without a store: what the bench feeds to the read models and the time-travel index.
 */
export function bundledPlanEvents(): ProjectedEvent[] {
  const file = JSON.parse(readFileSync(join(__dirname, '../../data/plans/ma-2018-2020.json'), 'utf8')) as PlanFile;
  const events: ProjectedEvent[] = [];
  const revisions = new Map<string, bigint>();
  let plan: PlanState = initialPlanState;
  const commitments = new Map<string, CommitmentState>();
  let clock = Date.parse('2021-02-01T09:00:00Z');
  const record = (stream: string, type: string, data: unknown, effectiveAt: string) => {
    const revision = revisions.get(stream) ?? 0n;
    revisions.set(stream, revision + 1n);
    const recordedAt = new Date((clock += 1000)).toISOString();
    events.push({
      position: BigInt(events.length + 1),
      stream,
      revision,
      type,
      data,
      metadata: { schemaVersion: 1, recordedAt, effectiveAt },
    });
  };
  for (const step of planFileToSteps(file)) {
    const { command } = step;
    // Lead assignments are not what time travel reads.
    if (command.type === 'AssignLead' || command.type === 'RevokeLead') continue;
    const recordedAt = new Date(clock).toISOString();
    if (command.type === 'DefinePlan' || command.type === 'AddAxis' || command.type === 'CloseReportingPeriod') {
      const decided = decidePlan(command, plan);
      decided.forEach((e) => record(streamName('plan', command.data.planId), e.type, e.data, new Date(step.effectiveAt).toISOString()));
      plan = decided.reduce(evolvePlan, plan);
      continue;
    }
    const id = command.type === 'RegisterCommitment' ? commitmentIdOf(command.data.planId, command.data.number) : command.data.commitmentId;
    const state = commitments.get(id) ?? initialCommitmentState;
    const decided = decideCommitment(command, state, { plan });
    const effectiveAt = decideEffectiveAt(command, state, { requested: step.effectiveAt, recordedAt });
    decided.forEach((e) => record(streamName('commitment', id), e.type, e.data, effectiveAt));
    commitments.set(
      id,
      decided.reduce((s, e) => evolveCommitment(s, e, { effectiveAt }), state),
    );
  }
  return events;
}
