// Child process for test/boot-modules.e2e-spec.ts: boots the API as main.ts does (empty ledger,
// no sample), waits until it is ready, and prints which of the packages named on the command line
// were loaded by then.
import 'reflect-metadata';
import { loadConfig, ProjectionRunner } from '@ledger/core';
import { createApp } from '../../apps/api/src/bootstrap';

async function main(): Promise<void> {
  const [dataDir, ...packages] = process.argv.slice(2);
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_SAMPLE: 'off', LEDGER_LOG: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  await app.get(ProjectionRunner).caughtUp;
  const files = Object.keys(require.cache);
  const loaded = packages.filter((name) => files.some((file) => file.includes(`/node_modules/${name}/`)));
  process.stdout.write(`${JSON.stringify({ ready: true, loaded })}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
