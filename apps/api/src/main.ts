import 'reflect-metadata';
import { createApp } from './bootstrap';
import { loadConfig } from './config/ledger-config';
import { importSampleIfEmpty } from './import/sample-plan';
import { ProjectionRunner } from './projections/projection-runner.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  await app.get(ProjectionRunner).caughtUp;
  if (config.sample) await importSampleIfEmpty(app);
  const url = `http://localhost:${config.port}/graphql`;
  // eslint-disable-next-line no-console
  console.log(`opengov-ledger ready: GraphQL at ${url}${config.production ? '' : ' (GraphiQL: open it in a browser)'}`);
}

main().catch((error: unknown) => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
