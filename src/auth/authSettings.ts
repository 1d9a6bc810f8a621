import path from 'node:path';

/** Fewest bytes (UTF-8) of AUTH_JWT_SECRET: HS256 keys shorter than the hash are guessable (RFC 7518 §3.2). */
export const MIN_JWT_SECRET_BYTES = 32;
/** Largest AUTH_JWT_CLOCK_TOLERANCE_SECONDS accepted. */
export const MAX_CLOCK_TOLERANCE_SECONDS = 300;

/** The authentication settings read from the environment, with their defaults (documented in the README). */
export const AUTH_DEFAULTS = {
  ANONYMOUS_READ: 'true',
  AUTH_JWT_ISSUER: 'plan-knowledge-graph',
  AUTH_JWT_AUDIENCE: 'plan-knowledge-graph',
  AUTH_JWT_CLOCK_TOLERANCE_SECONDS: '30',
  AUTH_JWT_ROLE_CLAIM: 'role',
} as const;

/** How bearer tokens (JWT) are verified; see src/auth/TokenVerifier.ts. */
export interface JwtSettings {
  /** HS256 secret (AUTH_JWT_SECRET), at least {@link MIN_JWT_SECRET_BYTES} bytes; unset: HS256 tokens are refused. */
  readonly secret: string | undefined;
  /** Absolute path of a JWKS file of RS256/ES256 public keys (AUTH_JWKS_FILE); unset: such tokens are refused. */
  readonly jwksFile: string | undefined;
  /** Required `iss` claim (AUTH_JWT_ISSUER). */
  readonly issuer: string;
  /** Required `aud` claim, or one of the `aud` list (AUTH_JWT_AUDIENCE). */
  readonly audience: string;
  /** Leeway when checking `exp` and `nbf`, seconds (AUTH_JWT_CLOCK_TOLERANCE_SECONDS). */
  readonly clockToleranceSeconds: number;
  /** The claim holding the caller's role: `reader`, `editor` or `admin` (AUTH_JWT_ROLE_CLAIM). */
  readonly roleClaim: string;
}

/** Who may call the API and how callers prove who they are (src/auth/). */
export interface AuthConfig {
  /** Answer requests without credentials (as readers without a viewer); false: they get UNAUTHENTICATED (ANONYMOUS_READ). */
  readonly anonymousRead: boolean;
  readonly jwt: JwtSettings;
  /** Absolute path of the API key file (AUTH_API_KEYS_FILE); unset: X-API-Key is refused. */
  readonly apiKeysFile: string | undefined;
}

/** True when the deployment can verify at least one kind of credentials. */
export function acceptsCredentials(auth: AuthConfig): boolean {
  return auth.jwt.secret !== undefined || auth.jwt.jwksFile !== undefined || auth.apiKeysFile !== undefined;
}

/** Spellings of a flag, as in src/config.ts. */
const TRUE: readonly string[] = ['1', 'true', 'yes'];
const FALSE: readonly string[] = ['0', 'false', 'no'];

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and checks the authentication settings of `env` (called once, by
 * loadConfig in src/config.ts). Each bad setting adds to `problems` a line
 * naming the variable and its value; secrets are named, never echoed.
 */
export function readAuthSettings(env: Env, problems: string[]): AuthConfig {
  const get = (name: keyof typeof AUTH_DEFAULTS): string => {
    const value = env[name];
    return value === undefined || value === '' ? AUTH_DEFAULTS[name] : value;
  };
  const file = (name: string): string | undefined => (env[name] ? path.resolve(env[name]) : undefined);

  const anonymousRaw = get('ANONYMOUS_READ').toLowerCase();
  const anonymousRead = !FALSE.includes(anonymousRaw);
  if (!TRUE.includes(anonymousRaw) && !FALSE.includes(anonymousRaw)) problems.push(`ANONYMOUS_READ="${env.ANONYMOUS_READ}" must be true or false`);

  const secret = env.AUTH_JWT_SECRET || undefined;
  if (secret !== undefined && Buffer.byteLength(secret, 'utf8') < MIN_JWT_SECRET_BYTES) {
    problems.push(`AUTH_JWT_SECRET (value not shown) has ${Buffer.byteLength(secret, 'utf8')} bytes; it must have at least ${MIN_JWT_SECRET_BYTES} (e.g. \`openssl rand -base64 48\`)`);
  }
  const toleranceRaw = get('AUTH_JWT_CLOCK_TOLERANCE_SECONDS');
  let clockToleranceSeconds = Number(toleranceRaw);
  if (!/^\d+$/.test(toleranceRaw) || clockToleranceSeconds > MAX_CLOCK_TOLERANCE_SECONDS) {
    problems.push(`AUTH_JWT_CLOCK_TOLERANCE_SECONDS="${toleranceRaw}" must be an integer from 0 to ${MAX_CLOCK_TOLERANCE_SECONDS}`);
    clockToleranceSeconds = Number(AUTH_DEFAULTS.AUTH_JWT_CLOCK_TOLERANCE_SECONDS);
  }
  const text = (name: 'AUTH_JWT_ISSUER' | 'AUTH_JWT_AUDIENCE' | 'AUTH_JWT_ROLE_CLAIM'): string => {
    const value = get(name);
    if (value.trim() !== value || value.length > 2048) problems.push(`${name}="${value.slice(0, 100)}" must have no surrounding spaces and at most 2048 characters`);
    return value;
  };

  const auth: AuthConfig = {
    anonymousRead,
    jwt: {
      secret,
      jwksFile: file('AUTH_JWKS_FILE'),
      issuer: text('AUTH_JWT_ISSUER'),
      audience: text('AUTH_JWT_AUDIENCE'),
      clockToleranceSeconds,
      roleClaim: text('AUTH_JWT_ROLE_CLAIM'),
    },
    apiKeysFile: file('AUTH_API_KEYS_FILE'),
  };
  if (!anonymousRead && !acceptsCredentials(auth)) {
    problems.push('ANONYMOUS_READ="false" needs a way to authenticate: set AUTH_JWT_SECRET, AUTH_JWKS_FILE or AUTH_API_KEYS_FILE');
  }
  return auth;
}
