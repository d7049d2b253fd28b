import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCommand } from '../apps/cli/src/commands/import.command';
import { reportCommand } from '../apps/cli/src/commands/report.command';
import { issueTokenCommand } from '../apps/cli/src/commands/token.command';
import { verifyCommand } from '../apps/cli/src/commands/verify.command';
import { makeTempDir, removeDir, startTestApp, TEST_JWT_SECRET } from './support/test-app';

/** `ledger report`, `ledger verify --expected-head` on what a report names, and `ledger token issue`, run in-process. */
describe('ledger report, verify and token issue', () => {
  const dir = makeTempDir('ledger-cli-report-');
  let output = '';
  let spies: jest.SpyInstance[];
  beforeAll(() => {
    process.env.LEDGER_DATA_DIR = dir;
    process.env.LEDGER_JWT_SECRET = TEST_JWT_SECRET;
  });
  beforeEach(() => {
    output = '';
    const capture = (chunk: string | Uint8Array) => ((output += String(chunk)), true);
    spies = [
      jest.spyOn(process.stdout, 'write').mockImplementation(capture),
      jest.spyOn(process.stderr, 'write').mockImplementation(capture),
    ];
  });
  afterEach(() => spies.forEach((s) => s.mockRestore()));
  afterAll(() => {
    delete process.env.LEDGER_DATA_DIR;
    delete process.env.LEDGER_JWT_SECRET;
    removeDir(dir);
  });

  it('writes the report now and as of a date, in French or Arabic, naming the head it was built from, which verify then checks', async () => {
    expect(await importCommand(join(__dirname, '../data/plans/ma-2018-2020.json'), {})).toBe(0);
    const report = async (options: { format: string; lang: string; asOf?: string }) => {
      const out = join(dir, `report-${options.lang}-${options.asOf ?? 'now'}.${options.format}`);
      expect(await reportCommand({ plan: 'ma-2018-2020', out, ...options })).toBe(0);
      return readFileSync(out, 'utf8');
    };
    expect(await report({ format: 'md', lang: 'fr' })).toContain('est de 84\u00a0%');
    const earlier = await report({ format: 'md', lang: 'fr', asOf: '2019-12-31' });
    expect(earlier).toContain('Situation au 31 décembre 2019');
    expect(earlier).not.toContain('est de 84\u00a0%');
    const arabic = await report({ format: 'html', lang: 'ar' });
    expect(arabic).toContain('lang="ar" dir="rtl"');
    const [, position, hash] = /--expected-head (\d+):([0-9a-f]{64})/.exec(arabic)!;
    expect(await verifyCommand({ expectedHead: `${position}:${hash}` })).toBe(0);
    expect(await verifyCommand({ expectedHead: `${position}:${'0'.repeat(64)}` })).toBe(1);
  }, 90_000);

  it('mints a token the API accepts, for the user, name, role and lifetime asked', async () => {
    expect(await issueTokenCommand({ sub: 'amina', name: 'Amina', role: ['lead'], ttl: '8h' })).toBe(0);
    const token = output.trim();
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(8 * 3600);
    const t = await startTestApp();
    try {
      expect((await t.gql('{ me { sub name roles } }', undefined, { token })).data!.me).toEqual({
        sub: 'amina',
        name: 'Amina',
        roles: ['lead'],
      });
    } finally {
      await t.stop();
    }
  });
});
