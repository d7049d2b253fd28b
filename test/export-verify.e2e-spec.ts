import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenService, loadConfig, importSampleIfEmpty, ProjectionRunner } from '@ledger/core';
import { createApp } from '../apps/api/src/bootstrap';
import { exportCommand } from '../apps/cli/src/commands/export.command';
import { importLogCommand } from '../apps/cli/src/commands/import-log.command';
import { verifyCommand } from '../apps/cli/src/commands/verify.command';

const SECRET = 'export-verify-test-secret-0123456789abcdef';

async function boot(dataDir: string, sample = false): Promise<NestFastifyApplication> {
  const app = await createApp(loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_SAMPLE: 'off', LEDGER_JWT_SECRET: SECRET }));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(ProjectionRunner).caughtUp;
  if (sample) await importSampleIfEmpty(app);
  return app;
}

describe('export, re-import into an empty ledger, and tamper evidence', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'ledger-export-'));
    dirs.push(d);
    return d;
  };
  let quiet: jest.SpyInstance[];
  beforeEach(() => {
    quiet = [
      jest.spyOn(process.stdout, 'write').mockImplementation(() => true),
      jest.spyOn(process.stderr, 'write').mockImplementation(() => true),
    ];
  });
  afterEach(() => quiet.forEach((q) => q.mockRestore()));
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('re-imports a JSONL export into an empty ledger with the same hashes, verifies it, and serves the same rates', async () => {
    const source = dir();
    const original = await boot(source, true);
    const rate = (app: NestFastifyApplication) =>
      app
        .inject({ method: 'POST', url: '/graphql', payload: { query: '{ plan(id:"ma-2018-2020") { implementationRate } }' } })
        .then((r) => r.json().data.plan.implementationRate);
    const expectedRate = await rate(original);
    await original.close();

    const file = join(dir(), 'ledger.jsonl');
    process.env.LEDGER_DATA_DIR = source;
    expect(await exportCommand({ format: 'jsonl', out: file })).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(480);
    expect(JSON.parse(lines[0]).metadata.integrity.hash).toMatch(/^[0-9a-f]{64}$/);

    const target = dir();
    process.env.LEDGER_DATA_DIR = target;
    expect(await importLogCommand(file)).toBe(0);
    // Checked here, not taken from the command's exit code: every event equal, and nothing more.
    const identities = (data: string) => {
      const db = new Database(join(data, 'ledger.sqlite'), { readonly: true });
      try {
        return db
          .prepare("SELECT id, stream, revision, type, json_extract(metadata, '$.integrity.hash') AS hash FROM events ORDER BY position")
          .all();
      } finally {
        db.close();
      }
    };
    const copied = identities(target);
    expect(copied).toHaveLength(480);
    expect(copied).toEqual(identities(source));
    expect(await verifyCommand({})).toBe(0);
    const copy = await boot(target);
    expect(await rate(copy)).toBe(expectedRate);
    await copy.close();
    delete process.env.LEDGER_DATA_DIR;
  }, 30_000);

  it('exports CSV with a header and one quoted row per event, since a recording date', async () => {
    const source = dir();
    const app = await boot(source, true);
    await app.close();
    const file = join(dir(), 'ledger.csv');
    process.env.LEDGER_DATA_DIR = source;
    expect(await exportCommand({ format: 'csv', plan: 'ma-2018-2020', out: file })).toBe(0);
    delete process.env.LEDGER_DATA_DIR;
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(
      'position,stream,revision,id,type,schemaVersion,recordedAt,effectiveAt,actor,role,commandId,correlationId,causationId,hash,data,metadata',
    );
    expect(text).toContain('"{""planId"":""ma-2018-2020""');
    // --since keeps the events recorded since that date: none after today.
    process.env.LEDGER_DATA_DIR = source;
    expect(await exportCommand({ format: 'csv', since: '2999-01-01', out: file })).toBe(0);
    delete process.env.LEDGER_DATA_DIR;
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('lets auditors verify the ledger through GraphQL and reports the first broken link after tampering', async () => {
    const data = dir();
    let app = await boot(data, true);
    const tokens = app.get(TokenService);
    const auditor = await tokens.issue({ sub: 'audrey', name: 'Audrey', roles: ['auditor'] });
    const lead = await tokens.issue({ sub: 'lena', name: 'Lena', roles: ['lead'] });
    const verify = async (token?: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/graphql',
          headers: token ? { authorization: `Bearer ${token}` } : {},
          payload: { query: '{ verifyLedger { ok checkedEvents firstBrokenPosition reason head } }' },
        })
      ).json();
    const ok = await verify(auditor);
    expect(ok.data.verifyLedger).toMatchObject({ ok: true, checkedEvents: 480, firstBrokenPosition: null });
    expect((await verify()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await verify(lead)).errors[0].extensions.code).toBe('FORBIDDEN');
    await app.close();

    const db = new Database(join(data, 'ledger.sqlite'));
    db.prepare('UPDATE events SET data = replace(data, \'"weight":1\', \'"weight":5\') WHERE position = 40').run();
    db.close();
    app = await boot(data);
    const broken = await verify(auditor);
    expect(broken.data.verifyLedger).toMatchObject({ ok: false, firstBrokenPosition: '40' });
    expect(broken.data.verifyLedger.reason).toContain('hash');
    await app.close();
  }, 30_000);
});
