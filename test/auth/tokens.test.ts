import fs from 'node:fs';
import path from 'node:path';
import { Authenticator } from '../../src/auth/Authenticator';
import { mintToken, parseTtl } from '../../src/auth/mintToken';
import { TokenVerifier } from '../../src/auth/TokenVerifier';
import { ConfigError, ErrorCode, UnauthenticatedError } from '../../src/errors';
import { authConfig, goodClaims, nowSeconds, privateJwk, secretBytes, signToken, tempDir, TEST_SECRET, writeJwks } from './fixtures';

/** The UNAUTHENTICATED message `promise` fails with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthenticatedError);
  expect((error as UnauthenticatedError).extensions).toMatchObject({ code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } });
  return (error as Error).message;
}

describe('bearer tokens (HS256, AUTH_JWT_SECRET)', () => {
  let verifier: TokenVerifier;
  beforeAll(async () => {
    verifier = await TokenVerifier.create(authConfig({ AUTH_JWT_SECRET: TEST_SECRET }).jwt);
  });

  it('accepts a valid token: the viewer is its subject and role', async () => {
    const token = await signToken(goodClaims({ sub: 'alice', role: 'editor' }), secretBytes());
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'alice', role: 'editor', via: 'token' });
  });

  it('accepts a token minted by the CLI (mintToken) with the configured issuer, audience and role claim', async () => {
    const settings = authConfig({ AUTH_JWT_SECRET: TEST_SECRET, AUTH_JWT_ISSUER: 'me', AUTH_JWT_AUDIENCE: 'you', AUTH_JWT_ROLE_CLAIM: 'kg_role' }).jwt;
    const token = await mintToken(settings, { subject: 'bob', role: 'admin', ttlSeconds: 60 });
    await expect((await TokenVerifier.create(settings)).verify(token)).resolves.toEqual({ subject: 'bob', role: 'admin', via: 'token' });
    // ... and the default verifier refuses it: another issuer.
    expect(await refusal(verifier.verify(token))).toContain('issuer');
  });

  it('refuses an expired token, saying so', async () => {
    const token = await signToken(goodClaims({ exp: nowSeconds() - 3600 }), secretBytes());
    expect(await refusal(verifier.verify(token))).toMatch(/^The bearer token has expired \(exp \d{4}-\d\d-\d\dT/);
  });

  it('accepts a token expired within the clock tolerance, refuses it with tolerance 0', async () => {
    const token = await signToken(goodClaims({ exp: nowSeconds() - 10 }), secretBytes());
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'alice' });
    const strict = await TokenVerifier.create(authConfig({ AUTH_JWT_SECRET: TEST_SECRET, AUTH_JWT_CLOCK_TOLERANCE_SECONDS: '0' }).jwt);
    expect(await refusal(strict.verify(token))).toContain('expired');
  });

  it('refuses a token signed with another secret (bad signature), never echoing the token or the secret', async () => {
    const token = await signToken(goodClaims(), secretBytes('another-secret-of-thirty-two-bytes-or-more!'));
    const message = await refusal(verifier.verify(token));
    expect(message).toContain('signature does not verify');
    expect(message).not.toContain(token.split('.')[2]);
    expect(message).not.toContain(TEST_SECRET);
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await signToken(goodClaims({ role: 'reader' }), secretBytes())).split('.');
    const payload = Buffer.from(JSON.stringify(goodClaims({ role: 'admin' }))).toString('base64url');
    expect(await refusal(verifier.verify(`${header}.${payload}.${signature}`))).toContain('signature does not verify');
  });

  it('refuses the wrong audience or issuer, naming the expected one', async () => {
    expect(await refusal(verifier.verify(await signToken(goodClaims({ aud: 'another-api' }), secretBytes())))).toBe(
      'The bearer token\'s audience ("aud") does not include "plan-knowledge-graph".',
    );
    expect(await refusal(verifier.verify(await signToken(goodClaims({ iss: 'someone-else' }), secretBytes())))).toContain('issuer ("iss") is not "plan-knowledge-graph"');
  });

  it('refuses an unknown role, a missing role, a missing sub or exp, a token not valid yet', async () => {
    expect(await refusal(verifier.verify(await signToken(goodClaims({ role: 'superuser' }), secretBytes())))).toContain('"role" claim is "superuser", not a role of this API: reader, editor, admin');
    expect(await refusal(verifier.verify(await signToken(goodClaims({ role: ['admin'] }), secretBytes())))).toContain('not a role of this API');
    expect(await refusal(verifier.verify(await signToken(goodClaims({ role: undefined }), secretBytes())))).toContain('has no "role" claim');
    expect(await refusal(verifier.verify(await signToken(goodClaims({ sub: undefined }), secretBytes())))).toContain('has no "sub" claim');
    expect(await refusal(verifier.verify(await signToken(goodClaims({ exp: undefined }), secretBytes())))).toContain('has no "exp" claim');
    expect(await refusal(verifier.verify(await signToken(goodClaims({ nbf: nowSeconds() + 3600 }), secretBytes())))).toContain('not valid yet');
  });

  it('refuses malformed tokens, `alg: none` and algorithms not configured', async () => {
    expect(await refusal(verifier.verify('not-a-jwt'))).toContain('not a JWT');
    expect(await refusal(verifier.verify('e30.e30.'))).toContain('signed with null');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(goodClaims())).toString('base64url')}.`;
    expect(await refusal(verifier.verify(none))).toBe('The bearer token is signed with "none"; this server accepts HS256.');
    const hs512 = await signToken(goodClaims(), secretBytes(), { alg: 'HS512' });
    expect(await refusal(verifier.verify(hs512))).toContain('signed with "HS512"');
  });

  it('parses token lifetimes for the CLI (1 s to 30 days)', () => {
    expect([parseTtl('1h'), parseTtl('30m'), parseTtl('45s'), parseTtl('30d')]).toEqual([3600, 1800, 45, 30 * 86_400]);
    expect([parseTtl('31d'), parseTtl('0s'), parseTtl('1 h'), parseTtl('1w'), parseTtl('')]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('bearer tokens (RS256/ES256, AUTH_JWKS_FILE)', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  it.each(['RS256', 'ES256'] as const)('accepts a %s token signed by a key of the JWKS file; refuses another key and HS256', async (alg) => {
    const file = path.join(temp.dir, `${alg}.json`);
    const privateKey = await writeJwks(file, alg, `kid-${alg}`);
    const verifier = await TokenVerifier.create(authConfig({ AUTH_JWKS_FILE: file }).jwt);
    const token = await signToken(goodClaims({ sub: 'carol', role: 'reader' }), privateKey, { alg, kid: `kid-${alg}` });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'carol', role: 'reader', via: 'token' });

    const otherKey = await writeJwks(path.join(temp.dir, `other-${alg}.json`), alg, `kid-${alg}`);
    expect(await refusal(verifier.verify(await signToken(goodClaims(), otherKey, { alg, kid: `kid-${alg}` })))).toContain('signature does not verify');
    expect(await refusal(verifier.verify(await signToken(goodClaims(), otherKey, { alg, kid: 'unknown-kid' })))).toContain('No key of this server matches');
    expect(await refusal(verifier.verify(await signToken(goodClaims(), secretBytes())))).toBe('The bearer token is signed with "HS256"; this server accepts RS256, ES256.');
  });

  it('refuses at start a JWKS file that holds a private key, an unusable key or no keys, naming AUTH_JWKS_FILE', async () => {
    const file = path.join(temp.dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ keys: [{ ...(await privateJwk('ES256')), kid: 'leaked' }] }));
    await expect(TokenVerifier.create(authConfig({ AUTH_JWKS_FILE: file }).jwt)).rejects.toThrow(/AUTH_JWKS_FILE=".*bad\.json": key "leaked" holds private key material/);
    fs.writeFileSync(file, JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }));
    await expect(TokenVerifier.create(authConfig({ AUTH_JWKS_FILE: file }).jwt)).rejects.toThrow(/key #1 has kty "oct"/);
    fs.writeFileSync(file, JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB', alg: 'ES256' }] }));
    await expect(TokenVerifier.create(authConfig({ AUTH_JWKS_FILE: file }).jwt)).rejects.toThrow(/alg "ES256"; a RSA key must be RS256/);
    fs.writeFileSync(file, '{"keys": []}');
    await expect(TokenVerifier.create(authConfig({ AUTH_JWKS_FILE: file }).jwt)).rejects.toThrow(ConfigError);
    await expect(TokenVerifier.create(authConfig({ AUTH_JWKS_FILE: path.join(temp.dir, 'missing.json') }).jwt)).rejects.toThrow(/AUTH_JWKS_FILE=.*cannot be read/);
  });
});

describe('the authenticator (both headers, no headers, anonymous reading)', () => {
  it('no credentials: anonymous (null) when ANONYMOUS_READ is on, UNAUTHENTICATED when off', async () => {
    const open = await Authenticator.create(authConfig({ AUTH_JWT_SECRET: TEST_SECRET }));
    await expect(open.viewerOf({ authorization: undefined, apiKey: undefined })).resolves.toBeNull();
    const closed = await Authenticator.create(authConfig({ AUTH_JWT_SECRET: TEST_SECRET, ANONYMOUS_READ: 'false' }));
    expect(await refusal(closed.viewerOf({ authorization: undefined, apiKey: '' }))).toContain('authenticated requests only');
    const token = await signToken(goodClaims(), secretBytes());
    await expect(closed.viewerOf({ authorization: `bearer ${token}`, apiKey: undefined })).resolves.toMatchObject({ subject: 'alice' });
  });

  it('refuses another Authorization scheme, both kinds at once, and a kind that is not configured', async () => {
    const tokensOnly = await Authenticator.create(authConfig({ AUTH_JWT_SECRET: TEST_SECRET }));
    expect(await refusal(tokensOnly.viewerOf({ authorization: 'Basic YWxpY2U6cHc=', apiKey: undefined }))).toContain('must be "Bearer <token>"');
    expect(await refusal(tokensOnly.viewerOf({ authorization: 'Bearer a.b.c', apiKey: 'kgk_x' }))).toContain('not both');
    expect(await refusal(tokensOnly.viewerOf({ authorization: undefined, apiKey: 'kgk_x' }))).toContain('does not accept API keys');
  });

  it('a deployment with no auth settings ignores credentials headers: every request is anonymous, as before', async () => {
    const none = await Authenticator.create(authConfig({}));
    await expect(none.viewerOf({ authorization: 'Bearer whatever', apiKey: 'whatever' })).resolves.toBeNull();
  });
});
