import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import type { Role } from '@ledger/domain';

/** The people the provider knows, and the roles its tokens give them. */
export const OIDC_PEOPLE: Record<string, { name: string; roles: Role[] }> = {
  amina: { name: 'Amina Benali', roles: ['lead'] },
  audrey: { name: 'Audrey Martin', roles: ['auditor'] },
};

export const OIDC_CLIENT_ID = 'ledger-web';
export const OIDC_RESOURCE = 'urn:opengov-ledger';

export interface TestProvider {
  issuer: string;
  jwksUrl: string;
  /** Starts answering, with the ledger's web app at `appBase` as its one (public) client. */
  serve(appBase: string, options: { accessTokenTtl: number }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real OpenID Provider in the test process: `oidc-provider` 9 (certified), ESM-only, loaded
 * with a dynamic import (jest runs with --experimental-vm-modules). Its development login pages
 * accept any password; access tokens are RS256 JWTs for the resource `urn:opengov-ledger` with
 * `aud: opengov-ledger` and a `roles` claim; refresh tokens are issued to the public client.
 * The port is taken first, so the app can be configured with the issuer before the provider,
 * which needs the app's address for its redirect URIs, is created.
 */
export async function reserveTestProvider(): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    serve: async (appBase, { accessTokenTtl }) => {
      const { default: Provider } = await import('oidc-provider');
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      const key = { ...(await exportJWK(privateKey)), kid: 'test-key', use: 'sig', alg: 'RS256' };
      const scopes = 'openid profile ledger';
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: OIDC_CLIENT_ID,
            token_endpoint_auth_method: 'none',
            grant_types: ['authorization_code', 'refresh_token'],
            response_types: ['code'],
            redirect_uris: [`${appBase}/workspace/callback`],
            post_logout_redirect_uris: [`${appBase}/workspace/sign-in`],
          },
        ],
        jwks: { keys: [key] },
        cookies: { keys: ['oidc-test-cookie-key'] },
        scopes: ['openid', 'profile', 'ledger', 'offline_access'],
        claims: { openid: ['sub'], profile: ['name'] },
        findAccount: (_ctx: unknown, id: string) => ({
          accountId: id,
          claims: () => ({ sub: id, name: OIDC_PEOPLE[id]?.name ?? id }),
        }),
        // First-party client: the user is not asked to consent.
        loadExistingGrant: async (ctx: {
          oidc: { client: { clientId: string }; session: { accountId: string }; provider: { Grant: new (o: object) => GrantLike } };
        }) => {
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
          grant.addOIDCScope(scopes);
          grant.addResourceScope(OIDC_RESOURCE, 'ledger');
          await grant.save();
          return grant;
        },
        issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) =>
          client.grantTypeAllowed('refresh_token'),
        extraTokenClaims: async (_ctx: unknown, token: { accountId?: string }) =>
          token.accountId ? { roles: OIDC_PEOPLE[token.accountId]?.roles ?? [], name: OIDC_PEOPLE[token.accountId]?.name } : undefined,
        features: {
          devInteractions: { enabled: true },
          resourceIndicators: {
            enabled: true,
            defaultResource: async () => OIDC_RESOURCE,
            useGrantedResource: async () => true,
            getResourceServerInfo: async () => ({
              scope: 'ledger',
              audience: 'opengov-ledger',
              accessTokenFormat: 'jwt',
              accessTokenTTL: accessTokenTtl,
              jwt: { sign: { alg: 'RS256' } },
            }),
          },
        },
      } as never);
      server.on('request', provider.callback());
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface GrantLike {
  addOIDCScope(scope: string): void;
  addResourceScope(resource: string, scope: string): void;
  save(): Promise<string>;
}
