import { ForbiddenError, UnauthenticatedError } from '../errors';

/** Roles, lowest first: each role may do what the roles before it may. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who sent a request, as established by authentication (src/auth/): the
 * subject of a verified bearer token or the owner of an API key. Anonymous
 * requests have no viewer (`null` in the context).
 */
export interface Viewer {
  /** Stable id of the caller: a token's `sub`, or `apikey:<key id>`. */
  readonly subject: string;
  readonly role: Role;
  /** How the caller proved who it is. */
  readonly via: 'token' | 'apiKey';
}

/** True when `role` is at least `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/**
 * Returns the viewer when it holds at least `needed`; otherwise throws
 * UNAUTHENTICATED (no viewer) or FORBIDDEN (a lower role), naming `action`.
 */
export function requireRole(viewer: Viewer | null, needed: Role, action: string): Viewer {
  if (!viewer) throw new UnauthenticatedError(`${action} needs credentials with the ${needed} role: send Authorization: Bearer <token> or X-API-Key.`);
  if (!hasRole(viewer.role, needed)) {
    throw new ForbiddenError(`${action} needs the ${needed} role; ${viewer.subject} has the ${viewer.role} role.`);
  }
  return viewer;
}
