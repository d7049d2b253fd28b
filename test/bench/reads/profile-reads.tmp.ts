import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { postLoad } from './http-load';
import { startApp } from './servers';
import { DASHBOARD_QUERY } from './dashboard-query';
(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'prof-'));
  const app = await startApp(dir, { LEDGER_JWT_SECRET: 'x'.repeat(40), LEDGER_LOG: 'silent', LEDGER_RATE_LIMIT_PER_MINUTE: '100000000' }, [
    '--cpu-prof',
    `--cpu-prof-dir=${process.argv[2]}`,
  ]);
  const body = JSON.stringify({ query: DASHBOARD_QUERY });
  await postLoad(`${app.base}/graphql`, body, { connections: 32, seconds: 3 });
  const r = await postLoad(`${app.base}/graphql`, body, { connections: 32, seconds: 10 });
  console.log(r);
  await app.stop();
})();
