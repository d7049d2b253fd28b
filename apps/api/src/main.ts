import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { devSignInAvailable } from './auth/sign-in-settings';
import { loadConfig, importSampleIfEmpty, TokenService, ProjectionRunner } from '@ledger/core';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  await app.get(ProjectionRunner).caughtUp;
  if (config.sample) await importSampleIfEmpty(app);
  const base = `http://localhost:${config.port}`;
  const tokens = app.get(TokenService);
  const lines = [
    `opengov-ledger ready: open ${base} (the public dashboard); GraphQL at ${base}/graphql${config.production ? '' : ` (GraphiQL at ${base}/graphiql)`}`,
    `Workspaces for leads, coordinators and auditors: ${base}/workspace${devSignInAvailable(config, tokens) ? ' (local sign-in: pick a user id and a role)' : ''}`,
  ];
  if (tokens.generatedSecretFile) {
    // Local use only: outside production, with no configured secret, a development secret lives in the data dir.
    const token = await tokens.issue({ sub: 'local-coordinator', name: 'Local coordinator', roles: ['coordinator'] });
    lines.push(`Local coordinator token (signed with ${tokens.generatedSecretFile}; send as "Authorization: Bearer <token>"):`, token);
  }
  // In production the start message is a JSON line like every other (no token is printed there).
  if (config.production) new Logger('Main').log(lines.join(' '));
  // eslint-disable-next-line no-console
  else console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
