/** Credentials the pages send to the API: a bearer token (JWT) or an API key. */
export interface Credential {
  readonly kind: 'bearer' | 'apiKey';
  readonly value: string;
}

/** The sessionStorage key the credential is kept under (this tab only, gone when it closes). */
export const CREDENTIAL_KEY = 'kg.credential';

/** sessionStorage, or null where it cannot be used (privacy settings, no DOM). */
function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The credential kept for this tab, or null (none kept, or what is kept is not a credential). */
export function readCredential(): Credential | null {
  const raw = storage()?.getItem(CREDENTIAL_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { kind?: unknown; value?: unknown };
    if ((parsed.kind === 'bearer' || parsed.kind === 'apiKey') && typeof parsed.value === 'string' && parsed.value.trim() !== '') {
      return { kind: parsed.kind, value: parsed.value.trim() };
    }
  } catch {
    // Not JSON: not ours.
  }
  return null;
}

/** Keeps `credential` for this tab (sessionStorage); the next requests and live connections send it. */
export function writeCredential(credential: Credential): void {
  storage()?.setItem(CREDENTIAL_KEY, JSON.stringify({ kind: credential.kind, value: credential.value.trim() }));
}

/** Forgets the credential of this tab: the pages are anonymous again. */
export function clearCredential(): void {
  storage()?.removeItem(CREDENTIAL_KEY);
}

/** The HTTP headers carrying `credential` (the ones the server reads: Authorization or X-API-Key); none without one. */
export function credentialHeaders(credential: Credential | null = readCredential()): Record<string, string> {
  if (!credential) return {};
  return credential.kind === 'bearer' ? { authorization: `Bearer ${credential.value}` } : { 'x-api-key': credential.value };
}

/** The `connection_init` payload of a live connection carrying `credential` (the server reads the same two names). */
export function credentialConnectionParams(credential: Credential | null = readCredential()): Record<string, string> {
  if (!credential) return {};
  return credential.kind === 'bearer' ? { authorization: `Bearer ${credential.value}` } : { apiKey: credential.value };
}
