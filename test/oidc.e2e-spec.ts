import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig, ProjectionRunner } from '@ledger/core';

/** A local stand-in for an OIDC provider (Keycloak…): it only serves its JWKS. */
describe('tokens from an OIDC issuer (RS256 via JWKS)', () => {
  let jwks: Server;
  let app: NestFastifyApplication;
  let dir: string;
  let key: KeyLike;
  const issuer = 'https://keycloak.example/realms/ogp';

  const token = (claims: Record<string, unknown>, opts: { iss?: string; aud?: string; exp?: string; signWith?: KeyLike } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('kc-user-1')
      .setIssuer(opts.iss ?? issuer)
      .setAudience(opts.aud ?? 'opengov-ledger')
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? '5m')
      .sign(opts.signWith ?? key);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`;
    dir = mkdtempSync(join(tmpdir(), 'ledger-oidc-'));
    app = await createApp(
      loadConfig({
        LEDGER_DATA_DIR: dir,
        LEDGER_SAMPLE: 'off',
        LEDGER_OIDC_ISSUER: issuer,
        LEDGER_OIDC_JWKS_URL: url,
        LEDGER_JWT_AUDIENCE: 'opengov-ledger',
      }),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(ProjectionRunner).caughtUp;
  }, 30_000);

  afterAll(async () => {
    await app.close();
    await new Promise((r) => jwks.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  const define = async (bearer: string, id: string) =>
    (
      await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { authorization: `Bearer ${bearer}` },
        payload: { query: `mutation { definePlan(input:{id:"${id}", country:"X", title:"T", period:"P"}) { version } }` },
      })
    ).json();

  it("accepts a Keycloak-style token with realm_access roles and records the user's sub", async () => {
    const res = await define(
      await token({ name: 'Kc Coordinator', realm_access: { roles: ['coordinator', 'offline_access'] } }),
      'kc-plan',
    );
    expect(res.data.definePlan.version).toBe(1);
  });

  it.each([
    ['a wrong issuer', { iss: 'https://evil.example' }, /iss/],
    ['a wrong audience', { aud: 'someone-else' }, /aud/],
    ['an expired token', { exp: '-1m' }, /expired/],
  ])('refuses %s with UNAUTHENTICATED and a reason', async (_label, opts, reason) => {
    const res = await define(await token({ roles: ['coordinator'] }, opts as { iss?: string; aud?: string; exp?: string }), 'never');
    expect(res.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.errors[0].message).toMatch(reason);
  });

  it('refuses a token signed by another key', async () => {
    const other = (await generateKeyPair('RS256')).privateKey;
    const res = await define(await token({ roles: ['coordinator'] }, { signWith: other }), 'never');
    expect(res.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
