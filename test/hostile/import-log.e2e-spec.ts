import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEventStore, loadConfig } from '@ledger/core';
import { GENESIS_HASH, readIntegrity, sealEvent, sealStreamRun, verifyChain } from '@ledger/event-store';
import { startEsdbDouble } from '@ledger/testing';
import { exportCommand } from '../../apps/cli/src/commands/export.command';
import { importLogCommand } from '../../apps/cli/src/commands/import-log.command';
import { storeTargets, type StoreTarget } from '../support/store-targets';
import { makeTempDir, removeDir, startTestApp } from '../support/test-app';

interface Line {
  position: string;
  stream: string;
  revision: string;
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  created: string;
}
type Identity = [id: string, stream: string, revision: string, type: string, hash: string | undefined];

/** Runs a CLI command against the store `env` names (the CLI reads its settings from the environment). */
async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, { LEDGER_SAMPLE: 'off' }, env);
  try {
    return await run();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

async function logOf(env: Record<string, string>): Promise<{ identities: Identity[]; chainOk: boolean }> {
  const store = createEventStore(loadConfig({ LEDGER_SAMPLE: 'off', ...env }));
  try {
    const identities: Identity[] = [];
    for await (const e of store.readAll())
      identities.push([e.id, e.stream, e.revision.toString(), e.type, readIntegrity(e.metadata)?.hash]);
    return { identities, chainOk: (await verifyChain(store.readAll())).ok };
  } finally {
    await store.close();
  }
}

const droppable = (ls: Line[]): number => ls.findIndex((l, i) => i >= 150 && ls.slice(i + 1).some((m) => m.stream === l.stream));

const identityOf = (l: Line): Identity => [l.id, l.stream, l.revision, l.type, readIntegrity(l.metadata)?.hash];

/** A forger's tool: recomputes every hash after an edit, so only checks other than the chain can catch it. */
function reseal(lines: Line[]): Line[] {
  let prev = GENESIS_HASH;
  const streams = new Map<string, string>();
  const chained = lines.some((l) => readIntegrity(l.metadata)?.prevHash !== undefined);
  return lines.map((l) => {
    const links = { ...(chained ? { prevHash: prev } : {}), streamPrevHash: streams.get(l.stream) ?? GENESIS_HASH };
    const event = { ...l, revision: BigInt(l.revision), created: new Date(l.created) };
    const sealed = sealEvent(event, links);
    prev = sealed.hash;
    streams.set(l.stream, sealed.hash);
    return { ...l, metadata: sealed.metadata };
  });
}

const ev = (type: string, data: Record<string, unknown>) => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'intruder', role: 'coordinator', recordedAt: new Date().toISOString(), effectiveAt: new Date().toISOString() },
});

/** An event as the double's log takes it (what the client would send). */
const proposed = (e: ReturnType<typeof ev>) => ({
  id: e.id,
  type: e.type,
  contentType: 'application/json',
  customMetadata: Buffer.from(JSON.stringify(e.metadata)),
  data: Buffer.from(JSON.stringify(e.data)),
});

/** `ledger import-log` on both stores: the whole file is checked before anything is written. */
describe.each(storeTargets().map((t, i) => [t.name, i] as const))('hostile callers: import-log (%s)', (name, index) => {
  const work = makeTempDir('ledger-import-log-');
  let exported: Line[];
  let output = '';
  let destination: StoreTarget | undefined;
  let spies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    const source = storeTargets()[index];
    const env = await source.start();
    try {
      const t = await startTestApp({ sample: true, env });
      await t.stop();
      const file = join(work, 'export.jsonl');
      await withEnv(env, () => exportCommand({ format: 'jsonl', out: file }));
      exported = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Line);
    } finally {
      await source.stop();
    }
  }, 120_000);
  beforeEach(() => {
    output = '';
    const capture = (chunk: string | Uint8Array) => ((output += String(chunk)), true);
    spies = [
      jest.spyOn(process.stdout, 'write').mockImplementation(capture),
      jest.spyOn(process.stderr, 'write').mockImplementation(capture),
    ];
  });
  afterEach(async () => {
    spies.forEach((s) => s.mockRestore());
    await destination?.stop();
    destination = undefined;
  });
  afterAll(() => removeDir(work));

  /** Writes `lines` to a file and imports it into a fresh, empty store of the same kind. */
  async function importInto(
    lines: Line[],
    options: { expectedHead?: string } = {},
  ): Promise<{ code: number; env: Record<string, string> }> {
    const file = join(work, `import-${Math.random().toString(36).slice(2)}.jsonl`);
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    destination = storeTargets()[index];
    const env = await destination.start();
    const code = await withEnv(env, () => importLogCommand(file, options));
    return { code, env };
  }

  it('imports an export with every (id, stream, revision, type, hash) equal and nothing extra, compared here', async () => {
    expect(exported).toHaveLength(480);
    expect(exported.every((l) => readIntegrity(l.metadata) !== undefined)).toBe(true);
    const { code, env } = await importInto(exported);
    expect(code).toBe(0);
    const log = await logOf(env);
    expect(log.identities).toEqual(exported.map(identityOf));
    expect(log.chainOk).toBe(true);
  }, 60_000);

  it.each([
    [
      'lines stripped of their hashes',
      (ls: Line[]) => ls.map((l) => ({ ...l, metadata: { ...l.metadata, integrity: undefined } })),
      /integrity/,
    ],
    [
      'one line stripped of its hash',
      (ls: Line[]) => ls.map((l, i) => (i === 240 ? { ...l, metadata: { ...l.metadata, integrity: undefined } } : l)),
      /integrity/,
    ],
    [
      'a tampered line (data edited, hash kept)',
      (ls: Line[]) => ls.map((l, i) => (i === 300 ? { ...l, data: { ...l.data, progress: 100 } } : l)),
      /hash/,
    ],
    [
      'an unknown event type (chain re-sealed)',
      (ls: Line[]) => reseal(ls.map((l, i) => (i === 200 ? { ...l, type: 'PlanRenamed' } : l))),
      /unknown event type "PlanRenamed"/,
    ],
    [
      'an actor that is not a ledger role (chain re-sealed)',
      (ls: Line[]) => reseal(ls.map((l, i) => (i === 100 ? { ...l, metadata: { ...l.metadata, role: 'superuser' } } : l))),
      /role/,
    ],
    [
      'an effective date in year 1 (chain re-sealed)',
      (ls: Line[]) =>
        reseal(ls.map((l, i) => (i === 100 ? { ...l, metadata: { ...l.metadata, effectiveAt: '0001-01-01T00:00:00.000Z' } } : l))),
      /effectiveAt/,
    ],
    ['a duplicate event id (chain re-sealed)', (ls: Line[]) => reseal(ls.map((l, i) => (i === 400 ? { ...l, id: ls[10].id } : l))), /id/],
    // An event with a later one in its stream: its absence shows in either chain (log or stream).
    ['a line dropped from the middle', (ls: Line[]) => ls.filter((_, i) => i !== droppable(ls)), /revision|prevHash|streamPrevHash/],
  ])(
    'refuses %s and writes nothing',
    async (_label, edit, reason) => {
      const { code, env } = await importInto(edit(exported));
      expect(code).not.toBe(0);
      expect(output).toMatch(reason);
      expect((await logOf(env)).identities).toEqual([]);
    },
    60_000,
  );

  it('refuses a file that breaks halfway through (a line that is not JSON) and writes nothing', async () => {
    const file = join(work, 'broken.jsonl');
    writeFileSync(file, exported.map((l, i) => (i === 300 ? '{"position": "301", "strea' : JSON.stringify(l))).join('\n'));
    destination = storeTargets()[index];
    const env = await destination.start();
    expect(await withEnv(env, () => importLogCommand(file))).not.toBe(0);
    expect(output).toMatch(/line 301/);
    expect((await logOf(env)).identities).toEqual([]);
  }, 60_000);

  // Another writer can append to EventStoreDB during an import (the embedded import is one transaction).
  if (name.startsWith('EventStoreDB')) {
    it('fails when the ledger holds an event the file does not (another writer, after the last line), though every line matched', async () => {
      const double = await startEsdbDouble();
      const dir = makeTempDir('ledger-import-log-intruder-');
      // A well-sealed event of a stream of its own: the written log's chain still verifies, only counting finds it.
      const [intruder] = sealStreamRun('plan-intruder', 0n, [ev('PlanDefined', { planId: 'intruder' })], GENESIS_HASH);
      let intruded = false;
      const unhook = double.log.onCommit((written) => {
        if (intruded || !written.some((e) => e.id === exported.at(-1)!.id)) return;
        intruded = true;
        double.log.append('plan-intruder', 'no_stream', [proposed(intruder)]);
      });
      try {
        const file = join(work, 'intruded.jsonl');
        writeFileSync(file, exported.map((l) => JSON.stringify(l)).join('\n') + '\n');
        const env = { EVENTSTORE_CONNECTION_STRING: double.connectionString, LEDGER_DATA_DIR: dir };
        await expect(withEnv(env, () => importLogCommand(file))).rejects.toThrow(/the ledger holds more events than the file/);
        expect(intruded).toBe(true);
        expect((await logOf(env)).identities).toEqual([...exported.map(identityOf), expect.arrayContaining(['plan-intruder'])]);
      } finally {
        unhook();
        await double.stop();
        removeDir(dir);
      }
    }, 60_000);
  }

  it('refuses a perfectly re-sealed forgery when given the head recorded from the original', async () => {
    const last = exported.at(-1)!;
    const head = `${last.position}:${readIntegrity(last.metadata)!.hash}`;
    // An edit in the head's own stream: an EventStoreDB export chains per stream only, so the head
    // anchors its stream (an embedded export chains the whole log: any edit would do).
    const edited = exported.findIndex((l) => l.stream === last.stream);
    const forged = reseal(exported.map((l, i) => (i === edited ? { ...l, metadata: { ...l.metadata, actor: 'someone-else' } } : l)));
    const { code, env } = await importInto(forged, { expectedHead: head });
    expect(code).not.toBe(0);
    expect(output).toMatch(/recorded head/);
    expect((await logOf(env)).identities).toEqual([]);
  }, 60_000);
});
