import type { Viewer } from '../src/auth/viewer';
import type { CredentialKind, QueryResolvers, Role, ViewerResolvers } from './generated/types';

const ROLE_VALUES: Readonly<Record<Viewer['role'], Role>> = { reader: 'READER', editor: 'EDITOR', admin: 'ADMIN' };
const CREDENTIAL_KINDS: Readonly<Record<Viewer['via'], CredentialKind>> = { token: 'TOKEN', apiKey: 'API_KEY' };

/** `Query.viewer`: the request's viewer from the context (src/auth/), no store work. */
export const viewerQueryResolvers: Pick<QueryResolvers, 'viewer'> = {
  viewer: (_parent, _args, context) => context.viewer,
};

/** The viewer's role and credential kind as the schema's enums (the other fields are the record's own). */
export const viewerResolvers: ViewerResolvers = {
  role: (viewer) => ROLE_VALUES[viewer.role],
  via: (viewer) => CREDENTIAL_KINDS[viewer.via],
};
