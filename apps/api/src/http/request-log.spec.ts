import { loggerOptions } from './request-log';

/** The log settings README.md documents: LEDGER_LOG and LEDGER_LOG_LEVEL. */
describe('loggerOptions', () => {
  const saved = { log: process.env.LEDGER_LOG, level: process.env.LEDGER_LOG_LEVEL };
  const withEnv = (log: string | undefined, level?: string) => {
    for (const [key, value] of [
      ['LEDGER_LOG', log],
      ['LEDGER_LOG_LEVEL', level],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  };
  afterEach(() => withEnv(saved.log, saved.level));

  it('logs at info in production and at warn elsewhere, by default', () => {
    withEnv(undefined);
    expect(loggerOptions(true)).toMatchObject({ level: 'info' });
    expect(loggerOptions(false)).toMatchObject({ level: 'warn' });
  });

  it('logs request lines at info outside production with LEDGER_LOG=json, and nothing with silent', () => {
    withEnv('json');
    expect(loggerOptions(false)).toMatchObject({ level: 'info' });
    withEnv('silent');
    expect(loggerOptions(true)).toBe(false);
  });

  it('takes LEDGER_LOG_LEVEL over the default, and never serialises a request with its headers', () => {
    withEnv(undefined, 'debug');
    const options = loggerOptions(true) as { level: string; serializers: { req: (r: unknown) => unknown } };
    expect(options.level).toBe('debug');
    expect(options.serializers.req({ headers: { authorization: 'Bearer x' } })).toBeUndefined();
  });
});
