import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { ConfigError } from '../errors';
import { createApiKey, listApiKeys, revokeApiKey } from './apiKeyCommands';
import { mintToken, parseTtl } from './mintToken';
import { ROLES, type Role } from './viewer';

/** Usage of `npm run auth -- ...`. */
export const AUTH_USAGE = `Usage: npm run -s auth -- <command>
  token --sub <subject> --role <${ROLES.join('|')}> [--ttl 1h]
      prints a development HS256 token signed with AUTH_JWT_SECRET (ttl: <n>s|m|h|d, at most 30d)
  key create --role <${ROLES.join('|')}> --owner <label>
      prints a new API key ONCE and stores its SHA-256 in AUTH_API_KEYS_FILE
  key revoke <id>
      marks the key revoked (the server refuses it from its next request)
  key list
      lists the keys: id, role, owner, created, revoked`;

/** Where the command writes: the secret alone on `stdout` (so scripts can capture it), everything else on `stderr`. */
export interface CommandOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

class UsageError extends Error {}

function roleOf(value: string | undefined): Role {
  if (value === undefined) throw new UsageError(`--role is required (${ROLES.join(', ')})`);
  if (!(ROLES as readonly string[]).includes(value)) throw new UsageError(`--role "${value}" is not one of ${ROLES.join(', ')}`);
  return value as Role;
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${name} is required`);
  return value;
}

/**
 * Runs one command of the auth CLI with the settings of `env` (the server's
 * configuration: AUTH_JWT_SECRET, AUTH_JWT_ISSUER/AUDIENCE/ROLE_CLAIM,
 * AUTH_API_KEYS_FILE). Returns the exit code: 0 done, 1 failed, 2 bad usage
 * or configuration.
 */
export async function runAuthCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>, out: CommandOutput): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { sub: { type: 'string' }, role: { type: 'string' }, ttl: { type: 'string' }, owner: { type: 'string' } },
    });
    const config = loadConfig(env);
    const [command, action, ...rest] = positionals;
    const keyFile = (): string => {
      if (config.auth.apiKeysFile === undefined) throw new UsageError('AUTH_API_KEYS_FILE is not set: name the key file the server reads');
      return config.auth.apiKeysFile;
    };
    if (command === 'token' && action === undefined) {
      if (config.auth.jwt.secret === undefined) throw new UsageError('AUTH_JWT_SECRET is not set: there is no key to sign a token with');
      const ttlText = values.ttl ?? '1h';
      const ttlSeconds = parseTtl(ttlText);
      if (ttlSeconds === undefined) throw new UsageError(`--ttl "${ttlText}" must be <n>s, <n>m, <n>h or <n>d, from 1 s to 30 d`);
      const subject = required(values.sub, '--sub');
      const role = roleOf(values.role);
      const now = new Date();
      out.stdout(`${await mintToken(config.auth.jwt, { subject, role, ttlSeconds }, now)}\n`);
      out.stderr(`Token for "${subject}" with the ${role} role, expires ${new Date(now.getTime() + ttlSeconds * 1000).toISOString()}. Send it as "Authorization: Bearer <token>".\n`);
      return 0;
    }
    if (command === 'key' && action === 'create' && rest.length === 0) {
      const { record, key } = createApiKey(keyFile(), roleOf(values.role), required(values.owner, '--owner'));
      out.stdout(`${key}\n`);
      out.stderr(`Created API key ${record.id} (${record.role}, owner "${record.owner}") in ${keyFile()}. The key above is shown this once and stored nowhere: keep it now. Send it as "X-API-Key: <key>".\n`);
      return 0;
    }
    if (command === 'key' && action === 'revoke' && rest.length === 1) {
      const { record, changed } = revokeApiKey(keyFile(), rest[0] as string);
      out.stderr(changed ? `Revoked API key ${record.id} (owner "${record.owner}") at ${record.revoked}.\n` : `API key ${record.id} was already revoked on ${record.revoked}.\n`);
      return 0;
    }
    if (command === 'key' && action === 'list' && rest.length === 0) {
      const records = listApiKeys(keyFile());
      const rows = records.map((r) => [r.id, r.role, r.owner, r.created, r.revoked ?? '-'].join('\t'));
      out.stdout(`${['id\trole\towner\tcreated\trevoked', ...rows].join('\n')}\n`);
      return 0;
    }
    throw new UsageError(command === undefined ? 'no command given' : `unknown command "${positionals.join(' ').slice(0, 100)}"`);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      out.stderr(`${(error as Error).message}\n\n${AUTH_USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      out.stderr(`${error.message}\n`);
      return 2;
    }
    out.stderr(`auth: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void runAuthCommand(process.argv.slice(2), process.env, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
