import {
  authorizeUrl,
  codeChallenge,
  idTokenProblem,
  readCallback,
  randomToken,
  tokenRequestBody,
  type PendingSignIn,
} from './oidc-protocol';

const pending: PendingSignIn = { state: 's1', nonce: 'n1', verifier: randomToken(), returnTo: '/workspace/lead', silent: false };
const endpoints = {
  issuer: 'https://id.example',
  authorization_endpoint: 'https://id.example/auth',
  token_endpoint: 'https://id.example/token',
};
const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('OIDC code flow with PKCE (browser side)', () => {
  it('makes a 43-character verifier and its S256 challenge as RFC 7636 defines it', async () => {
    expect(pending.verifier).toMatch(/^[\w-]{43}$/);
    const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier));
    expect(await codeChallenge(pending.verifier)).toBe(Buffer.from(digest).toString('base64url'));
  });

  it('asks for a code with the challenge, state and nonce, and prompt=none only when silent', async () => {
    const client = {
      clientId: 'web',
      scopes: 'openid profile',
      redirectUri: 'https://ledger.example/workspace/callback',
      resource: 'urn:x',
    };
    const url = new URL(await authorizeUrl(endpoints, client, pending, 'ar'));
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'web',
      code_challenge_method: 'S256',
      state: 's1',
      nonce: 'n1',
      resource: 'urn:x',
      ui_locales: 'ar',
    });
    expect(url.searchParams.has('prompt')).toBe(false);
    const silent = new URL(await authorizeUrl(endpoints, client, { ...pending, silent: true }));
    expect(silent.searchParams.get('prompt')).toBe('none');
  });

  it('reads the callback: the code for our state, the provider error, or a refusal of a foreign state', () => {
    expect(readCallback('?code=c&state=s1', pending)).toEqual({ code: 'c' });
    expect(readCallback('?error=login_required&state=s1', pending)).toEqual({ error: 'login_required' });
    expect(readCallback('?code=c&state=other', pending)).toMatchObject({ error: 'state_mismatch' });
    expect(readCallback('?code=c&state=s1', undefined)).toMatchObject({ error: 'no_pending_sign_in' });
  });

  it('sends the verifier with the code, and a refresh token alone when renewing', () => {
    const code = tokenRequestBody({ code: 'c', verifier: 'v', redirectUri: 'r' }, { clientId: 'web' });
    expect(Object.fromEntries(code)).toEqual({
      client_id: 'web',
      grant_type: 'authorization_code',
      code: 'c',
      code_verifier: 'v',
      redirect_uri: 'r',
    });
    const refresh = tokenRequestBody({ refreshToken: 'rt' }, { clientId: 'web', resource: 'urn:x' });
    expect(Object.fromEntries(refresh)).toEqual({ client_id: 'web', grant_type: 'refresh_token', refresh_token: 'rt', resource: 'urn:x' });
  });

  it('refuses an ID token from another issuer, for another client or another sign-in', () => {
    const expected = { issuer: 'https://id.example', clientId: 'web', nonce: 'n1' };
    expect(idTokenProblem(jwt({ iss: 'https://id.example', aud: 'web', nonce: 'n1' }), expected)).toBeUndefined();
    expect(idTokenProblem(jwt({ iss: 'https://evil', aud: 'web', nonce: 'n1' }), expected)).toMatch(/issuer/);
    expect(idTokenProblem(jwt({ iss: 'https://id.example', aud: ['other'], nonce: 'n1' }), expected)).toMatch(/client/);
    expect(idTokenProblem(jwt({ iss: 'https://id.example', aud: 'web', nonce: 'n2' }), expected)).toMatch(/nonce/);
  });
});
