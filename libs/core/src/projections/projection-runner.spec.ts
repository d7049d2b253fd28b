import type { EventBus } from '@nestjs/cqrs';
import { InMemoryEventStore } from '@ledger/event-store';
import { ProjectionRunner } from './projection-runner.service';
import { ReadModelService } from './read-model.service';
import { RELEASE_AFTER_EVENTS } from './release-heap';

/** A runner over `count` events of a stream no read model keeps (the bus only has to be called). */
async function caughtUpAfter(count: number): Promise<{ readModels: ReadModelService; stop: () => Promise<void> }> {
  const store = new InMemoryEventStore();
  for (let i = 0; i < count; i += 5_000) {
    const events = Array.from({ length: Math.min(5_000, count - i) }, (_, k) => ({
      id: `e-${i + k}`,
      type: 'Noted',
      data: {},
      metadata: {},
    }));
    await store.append(`other-${i}`, events, 'no_stream');
  }
  const readModels = new ReadModelService(store);
  const runner = new ProjectionRunner(store, { publish: () => undefined } as unknown as EventBus, readModels);
  await runner.onApplicationBootstrap();
  await runner.caughtUp;
  return {
    readModels,
    stop: async () => {
      await runner.beforeApplicationShutdown();
      await store.close();
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ProjectionRunner: the heap released after the first catch-up', () => {
  it(`releases it once the read models hold ${RELEASE_AFTER_EVENTS.toLocaleString('en-US')} events, and says how long it took`, async () => {
    const { readModels, stop } = await caughtUpAfter(RELEASE_AFTER_EVENTS);
    try {
      await tick();
      expect(readModels.catchUp).toMatchObject({ from: '0', events: RELEASE_AFTER_EVENTS });
      expect(readModels.catchUp?.heapReleasedMs).toBeGreaterThanOrEqual(0);
    } finally {
      await stop();
    }
  }, 60_000);

  it('leaves it to V8 after a smaller catch-up', async () => {
    const { readModels, stop } = await caughtUpAfter(RELEASE_AFTER_EVENTS - 1);
    try {
      await tick();
      expect(readModels.catchUp?.events).toBe(RELEASE_AFTER_EVENTS - 1);
      expect(readModels.catchUp).not.toHaveProperty('heapReleasedMs');
    } finally {
      await stop();
    }
  }, 60_000);
});

describe('ProjectionRunner: sizing the index before a catch-up', () => {
  it('makes room in the time-travel index for the events the store says follow, before applying them', async () => {
    const { readModels, stop } = await caughtUpAfter(30_000);
    try {
      // The index saw none of these events (no plan or commitment), yet its columns were sized for them at once.
      expect(readModels.model.history.data.log.effective.length).toBeGreaterThanOrEqual(30_000);
    } finally {
      await stop();
    }
  }, 60_000);
});
