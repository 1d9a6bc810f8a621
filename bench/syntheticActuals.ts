import { randomBytes } from 'node:crypto';
import { mintToken } from '../src/auth/mintToken';
import { loadConfig } from '../src/config';

/** The mutation of the write benchmark and the fault test: one new actual, with an idempotency key. */
const RECORD_ACTUAL = `mutation SyntheticActual($input: RecordActualInput!, $key: String) {
  recordActual(input: $input, idempotencyKey: $key) { actual { id version } replayed }
}`;

/**
 * The body of write number `n`: a new actual of one of `targets` (in turn)
 * with the key `<prefix>-<n>`. Its values are SYNTHETIC and its evidence
 * says so (`document` names what made it).
 */
export function syntheticActualBody(n: number, targets: readonly string[], prefix: string, document: string): string {
  const year = 2020 + (n % 6);
  const input = {
    target: targets[n % targets.length],
    value: n % 50,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    evidence: { document, quote: 'Synthetic data, not a fact of the plan.' },
  };
  return JSON.stringify({ query: RECORD_ACTUAL, variables: { key: `${prefix}-${n}`, input } });
}

/**
 * A fresh development token secret for a server started with `env`, and an
 * editor's bearer token signed with it (the issuer, audience and role claim
 * of the configuration those settings give).
 */
export async function editorCredentials(subject: string): Promise<{ env: Record<string, string>; headers: Record<string, string> }> {
  const env = { AUTH_JWT_SECRET: randomBytes(48).toString('base64') };
  const token = await mintToken(loadConfig({ ...process.env, ...env }).auth.jwt, { subject, role: 'editor', ttlSeconds: 3600 });
  return { env, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
}
