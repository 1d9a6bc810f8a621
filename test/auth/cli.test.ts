import fs from 'node:fs';
import path from 'node:path';
import { ApiKeyStore } from '../../src/auth/ApiKeyStore';
import { runAuthCommand } from '../../src/auth/cli';
import { TokenVerifier } from '../../src/auth/TokenVerifier';
import { UnauthenticatedError } from '../../src/errors';
import { authConfig, tempDir, TEST_SECRET } from './fixtures';

/** Runs `npm run auth -- <args>` in-process; returns the exit code and what it wrote. */
async function run(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runAuthCommand(args, env, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('npm run auth (src/auth/cli.ts)', () => {
  const temp = tempDir();
  const env = { AUTH_API_KEYS_FILE: path.join(temp.dir, 'keys.json'), AUTH_JWT_SECRET: TEST_SECRET };
  afterAll(() => temp.remove());

  it('key create / list / revoke: the key is printed once, works until revoked, then is refused as revoked', async () => {
    const created = await run(['key', 'create', '--role', 'editor', '--owner', 'CI pipeline'], env);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(created.stdout).toMatch(/^kgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}\n$/);
    const id = key.slice(4, 16);
    expect(created.stderr).toContain(`Created API key ${id} (editor, owner "CI pipeline")`);
    expect(created.stderr).not.toContain(key);

    const store = new ApiKeyStore(env.AUTH_API_KEYS_FILE);
    expect(store.authenticate(key)).toEqual({ subject: `apikey:${id}`, role: 'editor', via: 'apiKey' });

    const listed = await run(['key', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^id\\trole\\towner\\tcreated\\trevoked\\n${id}\\teditor\\tCI pipeline\\t\\S+Z\\t-\\n$`));
    expect(listed.stdout).not.toContain(key.slice(17));

    const revoked = await run(['key', 'revoke', id], env);
    expect(revoked).toMatchObject({ code: 0, stdout: '' });
    expect(revoked.stderr).toContain(`Revoked API key ${id}`);
    expect(() => store.authenticate(key)).toThrow(UnauthenticatedError);
    expect(() => store.authenticate(key)).toThrow(/was revoked on/);
    expect((await run(['key', 'list'], env)).stdout).toMatch(new RegExp(`${id}\\teditor\\tCI pipeline\\t\\S+Z\\t\\d{4}-\\S+Z\\n$`));

    expect((await run(['key', 'revoke', id], env)).stderr).toContain('was already revoked');
    expect(await run(['key', 'revoke', 'ffffffffffff'], env)).toMatchObject({ code: 1 });
    expect(fs.readdirSync(temp.dir)).toEqual(['keys.json']);
  });

  it('token: mints an HS256 token the server accepts, with the role and lifetime asked for', async () => {
    const minted = await run(['token', '--sub', 'dev@example.org', '--role', 'admin', '--ttl', '10m'], env);
    expect(minted.code).toBe(0);
    const token = minted.stdout.trim();
    const verifier = await TokenVerifier.create(authConfig(env).jwt);
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'dev@example.org', role: 'admin', via: 'token' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(600);
  });

  it('refuses bad usage with exit code 2 and the usage text', async () => {
    for (const args of [[], ['key', 'create', '--role', 'root', '--owner', 'x'], ['key', 'create', '--role', 'reader'], ['token', '--sub', 'a', '--role', 'reader', '--ttl', '1y'], ['key', 'drop'], ['token', '--bogus']]) {
      const result = await run(args, env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: npm run -s auth');
    }
    expect((await run(['token', '--sub', 'a', '--role', 'reader'], { AUTH_API_KEYS_FILE: env.AUTH_API_KEYS_FILE })).stderr).toContain('AUTH_JWT_SECRET is not set');
    expect((await run(['key', 'list'], { AUTH_JWT_SECRET: TEST_SECRET })).stderr).toContain('AUTH_API_KEYS_FILE is not set');
  });
});
