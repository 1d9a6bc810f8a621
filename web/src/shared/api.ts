import { credentialHeaders } from './credential';
import { graphqlEndpoint } from '../shared/settings';

/** A GraphQL error as the API returns it. */
export interface GraphQLErrorLike {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string };
}

/** The request failed, or the API answered with errors. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: readonly GraphQLErrorLike[] = [],
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/**
 * Runs one operation against the public GraphQL API (POST, JSON: the same
 * request any client sends; Apollo's CSRF prevention accepts it), with the
 * tab's credential when one is kept (credential.ts: `Authorization: Bearer`
 * or `X-API-Key`). Throws when the answer carries any error, so callers
 * never render half an answer.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(graphqlEndpoint(), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...credentialHeaders() },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new GraphQLRequestError(`The API did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  let body: { data?: T | null; errors?: GraphQLErrorLike[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphQLRequestError(`The API answered HTTP ${response.status} without JSON`);
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0];
    const code = first?.extensions?.code ? ` (${first.extensions.code})` : '';
    throw new GraphQLRequestError(`${first?.message ?? 'GraphQL error'}${code}`, body.errors);
  }
  if (!response.ok || body.data === undefined || body.data === null) {
    throw new GraphQLRequestError(`The API answered HTTP ${response.status} without data`);
  }
  return body.data;
}
