import fc from 'fast-check';
import { evolveCommitment, initialCommitmentState, type CommitmentEvent, type CommitmentState } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { runScenario, scenarioSteps } from '@ledger/testing';
import { CommitmentsProjection } from '../commitments.projection';
import { LogEventContent, type StoredContent } from '../content/event-content';

// The read side's in-place fast path must be the domain's `evolveCommitment`, observably: after
// every event of random histories (through the real deciders and date rule), the state it gives
// equals the domain's fold — with texts kept in memory and with texts read back from the log.
const options = { seed: 20261201, numRuns: 150 };

/** Renames the action ids of some activities (older logs, imports), so stored ids and retractions by id are exercised. */
function withForeignActionIds(log: RecordedEvent[], every: number): RecordedEvent[] {
  return log.map((e) => {
    const data = e.data as { activityId?: string; actionId?: string };
    if (data.actionId === undefined || Number(data.activityId?.split('.').pop()) % every !== 0) return e;
    return { ...e, data: { ...data, actionId: `legacy/${data.actionId}` } };
  });
}

function foldAndCompare(log: RecordedEvent[], projection: CommitmentsProjection): number {
  const domain = new Map<string, CommitmentState>();
  let compared = 0;
  for (const e of log) {
    projection.apply(e);
    if (!e.stream.startsWith('commitment-')) continue;
    const event = { type: e.type, data: e.data } as CommitmentEvent;
    const id = event.data.commitmentId;
    const state = evolveCommitment(domain.get(id) ?? initialCommitmentState, event, { effectiveAt: String(e.metadata.effectiveAt) });
    domain.set(id, state);
    const record = projection.get(id)!;
    expect(record.state).toEqual(state);
    expect(record.version).toBe(Number(e.revision) + 1);
    compared++;
  }
  return compared;
}

describe('the commitments read model (in place) against the domain’s evolveCommitment', () => {
  let events = 0;

  it('gives after every event the state the domain folds, texts kept in memory', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioSteps(40), fc.integer({ min: 1, max: 4 }), async (steps, every) => {
        const run = await runScenario(steps);
        events += foldAndCompare(withForeignActionIds(run.log, every), new CommitmentsProjection());
      }),
      options,
    );
    expect(events / options.numRuns).toBeGreaterThan(15);
  });

  it('gives the same states with texts read back from the log by position', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioSteps(40), async (steps) => {
        const run = await runScenario(steps);
        const byPosition = new Map(run.log.map((e) => [Number(e.position), e]));
        const read = (position: number): StoredContent | undefined => {
          const e = byPosition.get(position);
          return e && { data: e.data as Record<string, unknown>, effectiveAt: e.metadata.effectiveAt as string | undefined };
        };
        foldAndCompare(run.log, new CommitmentsProjection(new LogEventContent(read)));
      }),
      { ...options, numRuns: 60 },
    );
  });

  it('keeps, per activity, the position and time of its last event (what lastUpdatedAt serves)', async () => {
    const run = await runScenario([
      { kind: 'registerCommitment', axis: 0, hours: 1 },
      { kind: 'planActivity', c: 0, weight: 1, hours: 1 },
      { kind: 'planActivity', c: 0, weight: 2, hours: 1 },
      { kind: 'report', c: 0, a: 0, progress: 40, hours: 5 },
      { kind: 'recordAction', c: 0, a: 1, actionKind: 'DONE', hours: 5 },
    ]);
    const projection = new CommitmentsProjection();
    run.log.forEach((e) => projection.apply(e));
    const id = (run.log.find((e) => e.type === 'CommitmentRegistered')!.data as { commitmentId: string }).commitmentId;
    const last = (activityId: string) => run.log.filter((e) => (e.data as { activityId?: string }).activityId === activityId).pop()!;
    const record = projection.get(id)!;
    for (const a of record.state.activities)
      expect(record.activities![a.id].lastUpdate).toEqual({ position: String(last(a.id).position), at: last(a.id).metadata.recordedAt });
    expect(record.lastUpdate?.position).toBe(String(run.log.filter((e) => e.stream === `commitment-${id}`).pop()!.position));
  });
});
