/** A credential the person pasted: a bearer token (JWT) or an API key. */
export interface Credential {
  readonly kind: 'bearer' | 'apiKey';
  readonly value: string;
}

/** Where the credential is kept: sessionStorage, so it goes when the tab closes. */
const KEY = 'kg.credential';

/** The stored credential, or null when none is (or what is stored is not one). */
export function readCredential(): Credential | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<Credential> | null;
    if (parsed && (parsed.kind === 'bearer' || parsed.kind === 'apiKey') && typeof parsed.value === 'string' && parsed.value !== '') return { kind: parsed.kind, value: parsed.value };
  } catch {
    // Not JSON: treated as none.
  }
  return null;
}

/** Keeps `credential` for this tab. */
export function writeCredential(credential: Credential): void {
  sessionStorage.setItem(KEY, JSON.stringify(credential));
}

/** Forgets the credential. */
export function clearCredential(): void {
  sessionStorage.removeItem(KEY);
}

/** The HTTP header that carries `credential` (none without one). */
export function credentialHeaders(credential: Credential | null = readCredential()): Record<string, string> {
  if (!credential) return {};
  return credential.kind === 'bearer' ? { authorization: `Bearer ${credential.value}` } : { 'x-api-key': credential.value };
}
