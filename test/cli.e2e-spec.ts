import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, SqliteEventStore, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { waitFor } from '@ledger/testing';
import { createApp } from '../apps/api/src/bootstrap';
import { importCommand } from '../apps/cli/src/commands/import.command';
import { replayCommand } from '../apps/cli/src/commands/replay.command';
import { loadConfig, ProjectionRunner, ReadModelService } from '@ledger/core';

const bundled = join(__dirname, '../data/plans/ma-2018-2020.json');

describe('ledger CLI and projection failures', () => {
  let dir: string;
  let output: string;
  let spies: jest.SpyInstance[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
    process.env.LEDGER_DATA_DIR = dir;
    output = '';
    const capture = (chunk: string | Uint8Array) => ((output += String(chunk)), true);
    spies = [
      jest.spyOn(process.stdout, 'write').mockImplementation(capture),
      jest.spyOn(process.stderr, 'write').mockImplementation(capture),
    ];
  });
  afterEach(() => {
    spies.forEach((s) => s.mockRestore());
    delete process.env.LEDGER_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  const head = async () => {
    const store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
    try {
      return await store.headPosition();
    } finally {
      await store.close();
    }
  };

  it('imports the bundled plan once: a second import writes nothing', async () => {
    expect(await importCommand(bundled, {})).toBe(0);
    expect(output).toContain('creates plan ma-2018-2020: 480 commands written, 0 already in the ledger');
    const after = await head();
    expect(await importCommand(bundled, {})).toBe(0);
    expect(output).toContain('ma-2018-2020 is already in the ledger as the file describes it; nothing to write');
    expect(await head()).toBe(after);
  }, 30_000);

  it('rejects an invalid file with every problem and its JSON pointer, and the ledger stays empty', async () => {
    const plan = JSON.parse(readFileSync(bundled, 'utf8'));
    plan.commitments[0].activities[1].status = 'LIMITED'; // figure 100 is not in 1–59
    delete plan.commitments[4].activities[0].title;
    plan.commitments[2].axis = 'nowhere';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(plan));
    expect(await importCommand(bad, {})).toBe(1);
    expect(output).toContain('3 problem(s), nothing was written');
    expect(output).toContain(
      '/commitments/0/activities/1/status: status LIMITED covers 1–59 %, but progress is 100  [VALIDATION_FAILED bandContainsProgress]',
    );
    expect(output).toContain('/commitments/4/activities/0/title: title is required  [VALIDATION_FAILED required]');
    expect(output).toContain('/commitments/2/axis: axisId: axis "nowhere" does not exist');
    expect(await head()).toBeUndefined();
  });

  it('proves with replay --verify that a fresh replay equals the live read models', async () => {
    const app = await createApp(
      loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: 'cli-test-secret-0123456789abcdefghijk' }),
    );
    await app.listen(0, '127.0.0.1');
    try {
      await app.get(ProjectionRunner).caughtUp;
      expect(await importCommand(bundled, {})).toBe(0);
      await app.get(ReadModelService).waitFor(480n, 30_000);
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
      expect(await replayCommand({ verify: true, url })).toBe(0);
      expect(output).toMatch(
        /OK: plans [0-9a-f]{12}, commitments [0-9a-f]{12}, access [0-9a-f]{12}, time-travel [0-9a-f]{12} equal the live read models at position 480/,
      );

      // Now make the live plans model deliberately different (an axis no event ever added), then
      // let the log move on by one event, so the server reports its digests afresh.
      const readModels = app.get(ReadModelService);
      const last = await lastEventOf(app, 'plan-ma-2018-2020');
      readModels.model.plans.apply({
        ...last,
        type: 'AxisAdded',
        data: { planId: 'ma-2018-2020', axisId: 'ghost', title: 'Ghost', order: 99 },
      });
      const closed = await app.get<EventStore>(EVENT_STORE).append(
        'plan-ma-2018-2020',
        [
          {
            id: randomUUID(),
            type: 'ReportingPeriodClosed',
            data: { planId: 'ma-2018-2020', name: 'Bilan', endsAt: '2020-12-31' },
            metadata: { ...last.metadata },
          },
        ],
        last.revision,
      );
      await readModels.waitFor(closed.position, 30_000);
      output = '';
      expect(await replayCommand({ verify: true, url })).toBe(1);
      expect(output).toMatch(/DIFFERS: plans: replay [0-9a-f]{64} \(1 entries\) vs live [0-9a-f]{64} \(1 entries\)/);
      expect(output).not.toContain('DIFFERS: commitments');
      expect(output).not.toContain('DIFFERS: access');
      expect(output).not.toContain('OK:');
    } finally {
      await app.close();
    }
  }, 60_000);

  it('stops the projections at an event they cannot read and reports it, instead of skipping it', async () => {
    const app: NestFastifyApplication = await createApp(
      loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: 'cli-test-secret-0123456789abcdefghijk' }),
    );
    await app.init();
    try {
      await app.get(ProjectionRunner).caughtUp;
      const store = app.get<EventStore>(EVENT_STORE);
      await store.append(
        'plan-x',
        [
          {
            id: randomUUID(),
            type: 'PlanDefined',
            data: { planId: 'x', country: 'X', title: 'T', period: 'P' },
            metadata: { schemaVersion: 1 },
          },
        ],
        'no_stream',
      );
      const bad = await store.append(
        'plan-x',
        [{ id: randomUUID(), type: 'PlanRenamed', data: { planId: 'x' }, metadata: { schemaVersion: 1 } }],
        0n,
      );
      await store.append(
        'plan-x',
        [{ id: randomUUID(), type: 'AxisAdded', data: { planId: 'x', axisId: 'a', title: 'A', order: 1 }, metadata: { schemaVersion: 1 } }],
        1n,
      );
      const readModels = app.get(ReadModelService);
      // Wait for the condition (the projection stopped), not for a clock.
      await waitFor(() => readModels.failure !== undefined, 30_000);
      await expect(readModels.waitFor(bad.position + 1n, 30_000)).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
      expect(readModels.failure).toMatchObject({
        projection: 'plans',
        position: bad.position.toString(),
        eventType: 'PlanRenamed',
        error: expect.stringContaining('unknown event type'),
      });
      expect(readModels.position).toBe(bad.position - 1n);
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().failure.eventType).toBe('PlanRenamed');
    } finally {
      await app.close();
    }
  }, 60_000);
});

async function lastEventOf(app: NestFastifyApplication, stream: string): Promise<RecordedEvent> {
  for await (const e of app.get<EventStore>(EVENT_STORE).readStream(stream, { direction: 'backwards', maxCount: 1 })) return e;
  throw new Error(`${stream} is empty`);
}
