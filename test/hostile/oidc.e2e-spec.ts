import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { startTestApp, type TestApp } from '../support/test-app';
import { codes, post } from './hostile-support';

/** OIDC with no LEDGER_JWT_AUDIENCE set: the documented default audience still applies, and exp is required. */
describe('hostile callers: OIDC tokens with the default audience', () => {
  let jwks: Server;
  let t: TestApp;
  let key: KeyLike;
  const issuer = 'https://keycloak.example/realms/ogp';

  const token = (opts: { aud?: string; exp?: boolean } = {}) => {
    const jwt = new SignJWT({ roles: ['auditor'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('kc-auditor')
      .setIssuer(issuer)
      .setIssuedAt();
    if (opts.aud !== '') jwt.setAudience(opts.aud ?? 'opengov-ledger');
    if (opts.exp !== false) jwt.setExpirationTime('5m');
    return jwt.sign(key);
  };

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`;
    // No LEDGER_JWT_AUDIENCE: the README says it defaults to opengov-ledger.
    t = await startTestApp({ env: { LEDGER_JWT_SECRET: '', LEDGER_OIDC_ISSUER: issuer, LEDGER_OIDC_JWKS_URL: url } });
  }, 30_000);
  afterAll(async () => {
    await t.stop();
    await new Promise((r) => jwks.close(r));
  });

  const read = async (bearer: string) =>
    (await post(t.app, { query: '{ auditTrail(first: 1) { totalCount } }' }, { authorization: `Bearer ${bearer}` })).body;

  it('accepts a token for the default audience', async () => {
    expect((await read(await token())).errors).toBeUndefined();
  });

  it.each([
    ['another audience', { aud: 'someone-else' }, /aud/],
    ['no audience at all', { aud: '' }, /aud/],
    ['no expiry', { exp: false }, /exp/],
  ])('refuses a token with %s (UNAUTHENTICATED, naming the claim)', async (_label, opts, claim) => {
    const res = await read(await token(opts));
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.errors![0].message).toMatch(claim);
  });
});
