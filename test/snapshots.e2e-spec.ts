import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { LedgerReadModel, readModelDigests } from '@ledger/projections';
import { loadConfig, ProjectionRunner, readSnapshotFile, ReadModelService, SNAPSHOT_FILE, SnapshotFileWriter } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';
import { replayCommand } from '../apps/cli/src/commands/replay.command';
import { mustMutate, COMMITMENT_FIELDS, PLAN_FIELDS } from './support/ledger-fixtures';
import { makeTempDir, removeDir, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';

const PLAN = 'ma-2018-2020';
const QUERY = `{ plan(id:"${PLAN}") { ${PLAN_FIELDS} } c2: commitment(id:"${PLAN}.2") { ${COMMITMENT_FIELDS} }
  past: plan(id:"${PLAN}", asOf: { effectiveAt: "2019-06-30T00:00:00Z" }) { implementationRate commitments { id implementationRate } } }`;
const STATUS = '{ readModelStatus { position models { name digest entries } } }';

interface Ready {
  status: string;
  position: string;
  catchUp: { from: string; events: number };
  snapshot: { state: string; reason?: string; position?: string; lastWrite?: { position: string } };
}
const ready = async (t: TestApp): Promise<Ready> => (await t.app.inject({ method: 'GET', url: '/health/ready' })).json();

/** A full replay of the data dir's log in this process (what `ledger replay` does). */
async function replayedDigests(dir: string) {
  const store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
  const model = new LedgerReadModel();
  try {
    for await (const e of store.readAll()) model.apply(e);
  } finally {
    await store.close();
  }
  return { position: model.position.toString(), models: readModelDigests(model) };
}

/** A tail written after the snapshot: every kind of commitment event the read models hold texts or figures of. */
async function writeTail(t: TestApp): Promise<void> {
  const on = { commitmentId: `${PLAN}.2`, activityId: `${PLAN}.2.1` };
  await mustMutate(t, 'reportActivityProgress', { ...on, progress: 55, note: 'Après le comité' });
  await mustMutate(t, 'recordAction', { ...on, kind: 'DONE', text: 'Atelier tenu à Rabat' });
  await mustMutate(t, 'logCommunicationAction', { commitmentId: `${PLAN}.2`, action: 'Communiqué de presse', target: 'Médias' });
  await mustMutate(t, 'recordOutcome', { commitmentId: `${PLAN}.2`, results: 'Résultats publiés' });
}

describe('read-model snapshots: a restart restores them and replays only the tail', () => {
  const dir = makeTempDir('ledger-snap-');
  let snapshotAt: string;
  let head: string;
  let restarted: TestApp;
  let replayed: TestApp;

  beforeAll(async () => {
    const first = await startTestApp({ dataDir: dir, sample: true });
    await first.stop(); // a snapshot is written at shutdown
    snapshotAt = (await readSnapshotFile(join(dir, SNAPSHOT_FILE)))!.header.position;
    // Events after the snapshot, by an instance that writes none.
    const writer = await startTestApp({ dataDir: dir, env: { LEDGER_SNAPSHOTS: 'off' } });
    await writeTail(writer);
    head = String(await writer.headPosition());
    await writer.stop();
    restarted = await startTestApp({ dataDir: dir });
    replayed = await startTestApp({ dataDir: dir, env: { LEDGER_SNAPSHOTS: 'off' } });
  }, 60_000);

  afterAll(async () => {
    await restarted?.stop();
    await replayed?.stop();
    removeDir(dir);
  });

  it('had a snapshot behind the head of the log, which a restart restores before replaying the events after it', async () => {
    expect(BigInt(snapshotAt)).toBeGreaterThan(400n);
    expect(BigInt(head)).toBeGreaterThan(BigInt(snapshotAt));
    const r = await ready(restarted);
    expect(r).toMatchObject({ status: 'ready', position: head, snapshot: { state: 'loaded', position: snapshotAt } });
    expect(r.catchUp).toMatchObject({ from: snapshotAt, events: Number(BigInt(head) - BigInt(snapshotAt)) });
    expect(await ready(replayed)).toMatchObject({ snapshot: { state: 'off' }, catchUp: { from: '0', events: Number(head) } });
  });

  it('gives the same digests as a full replay of the log: every read model, the time-travel index included', async () => {
    const status = (await restarted.gql(STATUS, undefined, 'anonymous')).data!.readModelStatus;
    expect(status.models.map((m: { name: string }) => m.name)).toEqual(['plans', 'commitments', 'access', 'time-travel']);
    expect(status).toEqual(await replayedDigests(dir));
  });

  it('answers like an instance that replayed the whole log: current views, texts and time travel', async () => {
    const [a, b] = [await restarted.gql(QUERY), await replayed.gql(QUERY)];
    expect(a.errors).toBeUndefined();
    expect(a).toEqual(b);
    const texts = JSON.stringify(a.data.c2);
    for (const t of ['Atelier tenu à Rabat', 'Communiqué de presse', 'Résultats publiés']) expect(texts).toContain(t);
  });

  it('keeps applying new events on top of the snapshot like the instance that replayed', async () => {
    await mustMutate(restarted, 'reportActivityProgress', { commitmentId: `${PLAN}.3`, activityId: `${PLAN}.3.1`, progress: 70 });
    await replayed.app.get(ReadModelService).waitFor(BigInt(head) + 1n, 30_000);
    expect(await restarted.gql(QUERY)).toEqual(await replayed.gql(QUERY));
    expect((await restarted.gql(STATUS)).data).toEqual((await replayed.gql(STATUS)).data);
  });
});

describe('ledger replay --verify against an instance started from a snapshot', () => {
  const dir = makeTempDir('ledger-snap-verify-');
  let output = '';
  afterAll(() => removeDir(dir));

  it('proves that a fresh replay of the log equals its read models', async () => {
    const seeded = await startTestApp({ dataDir: dir, sample: true });
    await writeTail(seeded);
    await seeded.stop();
    const app = await createApp(loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: TEST_JWT_SECRET }));
    await app.listen(0, '127.0.0.1');
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
    process.env.LEDGER_DATA_DIR = dir;
    try {
      await app.get(ProjectionRunner).caughtUp;
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
      expect((await (await fetch(url.replace('/graphql', '/health/ready'))).json()).snapshot.state).toBe('loaded');
      expect(await replayCommand({ verify: true, url })).toBe(0);
    } finally {
      spy.mockRestore();
      delete process.env.LEDGER_DATA_DIR;
      await app.close();
    }
    expect(output).toMatch(/OK: plans \w{12}, commitments \w{12}, access \w{12}, time-travel \w{12} equal the live read models/);
  }, 60_000);
});

describe('snapshots that must not be used are ignored, said so, and the log replayed', () => {
  let source: string;
  let other: string;
  let expected: unknown;
  const file = (dir: string) => join(dir, SNAPSHOT_FILE);

  beforeAll(async () => {
    source = makeTempDir('ledger-snap-src-');
    const app = await startTestApp({ dataDir: source, sample: true });
    expected = (await app.gql(QUERY)).data;
    await app.stop();
    // Another ledger with the same plan: same figures, other events (ids, times).
    other = makeTempDir('ledger-snap-other-');
    await (await startTestApp({ dataDir: other, sample: true })).stop();
  }, 60_000);
  afterAll(() => [source, other].forEach(removeDir));

  /** Boots on a copy of the source ledger whose snapshot `spoil` changed; what it reports and logs. */
  async function bootWith(spoil: (snapshot: string) => Promise<void> | void): Promise<{ r: Ready; log: string; data: unknown }> {
    const dir = makeTempDir('ledger-snap-bad-');
    for (const name of ['ledger.sqlite', SNAPSHOT_FILE]) writeFileSync(join(dir, name), readFileSync(join(source, name)));
    await spoil(file(dir));
    let log = '';
    const app = await startTestApp({ dataDir: dir, logStream: { write: (line: string) => void (log += line) } });
    try {
      return { r: await ready(app), log, data: (await app.gql(QUERY)).data };
    } finally {
      await app.stop();
      removeDir(dir);
    }
  }

  const expectReplayed = ({ r, log, data }: { r: Ready; log: string; data: unknown }, reason: RegExp) => {
    expect(r.status).toBe('ready');
    expect(r.snapshot.state).toBe('ignored');
    expect(r.snapshot.reason).toMatch(reason);
    expect(r.catchUp.from).toBe('0');
    expect(log).toContain(`${SNAPSHOT_FILE} ignored`);
    expect(data).toEqual(expected);
  };

  it('a corrupt one (a byte changed): the checksum differs', async () => {
    expectReplayed(
      await bootWith((f) => {
        const bytes = readFileSync(f);
        bytes[Math.floor(bytes.length / 2)] ^= 0xff;
        writeFileSync(f, bytes);
      }),
      /checksum differs/,
    );
  });

  it('a torn one (cut short): no trailer', async () => {
    expectReplayed(await bootWith((f) => truncateSync(f, Math.floor(readFileSync(f).length / 2))), /torn/);
  });

  it('a stale one (written by other projection code)', async () => {
    expectReplayed(
      await bootWith(async (f) => {
        const snapshot = (await readSnapshotFile(f))!;
        const writer = await SnapshotFileWriter.create(f, { ...snapshot.header, fingerprint: 'the build before this one' });
        await writer.write(snapshot.pieces.map((p) => Buffer.from(p)));
        await writer.commit();
      }),
      /stale/,
    );
  });

  it('a foreign one (taken from another ledger)', async () => {
    expectReplayed(await bootWith((f) => writeFileSync(f, readFileSync(file(other)))), /foreign/);
    expect(existsSync(file(other))).toBe(true);
  });
});
