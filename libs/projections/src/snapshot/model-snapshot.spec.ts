import fc from 'fast-check';
import type { RecordedEvent } from '@ledger/event-store';
import { runScenario, scenarioSteps } from '@ledger/testing';
import { LogEventContent, type EventContentSource, type StoredContent } from '../content/event-content';
import { readModelDigests } from '../digest';
import { LedgerReadModel } from '../ledger-read-model';
import { ModelCapture } from './model-capture';
import { decodeChunk } from './model-chunks';
import { ModelRestorer, restoreModel } from './model-restore';

const options = { seed: 20261202, numRuns: 60 };

/** Restores from the pieces' bytes as a streaming reader hands them over: one buffer, overwritten after each piece. */
function restoreFromBytes(pieces: readonly Buffer[], position: bigint): LedgerReadModel {
  const restorer = new ModelRestorer();
  const reused = Buffer.alloc(Math.max(...pieces.map((p) => p.length)) + 8);
  for (const [i, piece] of pieces.entries()) {
    const at = i % 8; // every alignment: V8 hands back views into aligned bytes
    piece.copy(reused, at);
    restorer.addBytes(reused.subarray(at, at + piece.length));
    reused.fill(0xa5);
  }
  const model = new LedgerReadModel();
  restorer.finish(model, position);
  return model;
}

const fed = (log: readonly RecordedEvent[], content?: EventContentSource): LedgerReadModel => {
  const model = new LedgerReadModel({ content });
  for (const e of log) model.apply(e);
  return model;
};

/** The same answers: digests, current views, and time travel at every position of the log. */
function expectSame(actual: LedgerReadModel, expected: LedgerReadModel, log: readonly RecordedEvent[], planId: string): void {
  expect(actual.position).toBe(expected.position);
  expect(readModelDigests(actual)).toEqual(readModelDigests(expected));
  expect(actual.allPlans()).toEqual(expected.allPlans());
  for (const e of log.filter((x) => x.position <= expected.position))
    expect(actual.planAsOf(planId, { position: e.position })).toEqual(expected.planAsOf(planId, { position: e.position }));
}

/** Writes a capture to the end, applying `during` in batches between its slices (each batch announced first). */
function write(model: LedgerReadModel, during: readonly RecordedEvent[], batch: number): Buffer[] {
  const capture = new ModelCapture(model, { meta: { events: 7 }, maps: { commands: new Map([['c-1', 'commitment-x']]) } });
  const pieces: Buffer[] = [];
  let next = 0;
  for (;;) {
    // A deadline already passed: one piece per slice at most, so events interleave with every piece.
    const slice = capture.next(0);
    pieces.push(...slice);
    if (next < during.length) {
      const events = during.slice(next, next + batch);
      capture.beforeApply(events);
      for (const e of events) model.apply(e);
      next += events.length;
    }
    if (slice.length === 0 && capture.done && next >= during.length) return pieces;
    if (slice.length === 0) pieces.push(...capture.next(performance.now() + 1000));
  }
}

describe('snapshots of the read models (copy on write)', () => {
  it('restores, from a snapshot written while later events were applied, exactly the read models at its position', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioSteps(40),
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 5 }),
        async (steps, at, batch) => {
          const run = await runScenario(steps);
          const cut = Math.max(1, Math.floor(run.log.length * at));
          const live = fed(run.log.slice(0, cut));
          const pieces = write(live, run.log.slice(cut), batch);
          const restored = new LedgerReadModel();
          const extras = restoreModel(restored, run.log[cut - 1].position, pieces.map(decodeChunk));
          expect(extras.meta).toEqual({ events: 7 });
          expect(extras.maps.get('commands')).toEqual([['c-1', 'commitment-x']]);
          expectSame(restored, fed(run.log.slice(0, cut)), run.log, run.planId);
          // The same from bytes read through a reused buffer, in the order written and in reverse (log rows before their size).
          const position = run.log[cut - 1].position;
          expectSame(restoreFromBytes(pieces, position), restored, run.log, run.planId);
          expectSame(restoreFromBytes([...pieces].reverse(), position), restored, run.log, run.planId);
          // And it goes on from there like the read models that never stopped.
          for (const e of run.log.slice(cut)) restored.apply(e);
          expectSame(restored, live, run.log, run.planId);
        },
      ),
      options,
    );
  });

  it('carries no texts when they are read back from the log, and restores read models that read them there', async () => {
    const run = await runScenario([
      { kind: 'registerCommitment', axis: 0, hours: 1 },
      { kind: 'planActivity', c: 0, weight: 1, hours: 1 },
      { kind: 'recordAction', c: 0, a: 0, actionKind: 'DONE', hours: 2 },
      { kind: 'communicate', c: 0, hours: 3 },
    ]);
    const byPosition = new Map(run.log.map((e) => [Number(e.position), e]));
    const content = () =>
      new LogEventContent((p): StoredContent | undefined => {
        const e = byPosition.get(p);
        return e && { data: e.data as Record<string, unknown>, effectiveAt: e.metadata.effectiveAt as string };
      });
    const live = fed(run.log, content());
    const pieces = write(live, [], 1).map(decodeChunk);
    expect(pieces.some((p) => p.kind === 'entries' && p.name === 'content')).toBe(false);
    const restored = new LedgerReadModel({ content: content() });
    restoreModel(restored, live.position, pieces);
    expectSame(restored, fed(run.log), run.log, run.planId);
    expect(() => restoreModel(new LedgerReadModel(), live.position, pieces)).toThrow('cannot read them from the log');
  });

  it('refuses pieces that do not make a whole', async () => {
    const run = await runScenario([{ kind: 'registerCommitment', axis: 0, hours: 1 }]);
    const pieces = write(fed(run.log), [], 1).map(decodeChunk);
    expect(() =>
      restoreModel(
        new LedgerReadModel(),
        1n,
        pieces.filter((p) => p.kind !== 'log'),
      ),
    ).toThrow('index rows');
    expect(() =>
      restoreModel(
        new LedgerReadModel(),
        1n,
        pieces.filter((p) => p.kind !== 'access'),
      ),
    ).toThrow('incomplete');
  });
});
