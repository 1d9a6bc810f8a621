import type { FetcherParams } from '@graphiql/toolkit';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws/client';
import { liveUrl } from '../shared/live';

/** Whether the operation GraphiQL runs is a subscription (false for a document that does not parse: HTTP reports it). */
export function isSubscription(params: FetcherParams): boolean {
  try {
    return getOperationAST(parse(params.query), params.operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false;
  }
}

/**
 * The credentials headers typed in the IDE's headers editor, as the
 * `connection_init` payload of a live connection (`authorization`,
 * `apiKey`): a WebSocket cannot carry headers from a browser.
 */
function connectionParams(headers: Record<string, string> | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'authorization') params.authorization = value;
    if (name.toLowerCase() === 'x-api-key') params.apiKey = value;
  }
  return params;
}

/**
 * Runs a subscription from the IDE over the live endpoint (WebSocket at the
 * GraphQL endpoint, graphql-transport-ws): GraphiQL shows each message as it
 * comes. One connection per run, closed when the subscription ends or the
 * IDE stops it; a refusal (a close code and reason) shows as an error.
 */
export function liveFetch(params: FetcherParams, headers: Record<string, string> | undefined, endpoint: string): AsyncIterableIterator<Record<string, unknown>> {
  const client = createClient({ url: liveUrl(endpoint), lazy: true, retryAttempts: 0, connectionParams: connectionParams(headers) });
  const results = client.iterate({ query: params.query, ...(params.operationName ? { operationName: params.operationName } : {}), variables: params.variables ?? {} });
  const close = () => void client.dispose();
  return {
    async next() {
      try {
        const result = await results.next();
        if (result.done) close();
        return result as IteratorResult<Record<string, unknown>>;
      } catch (error) {
        close();
        const event = error as { code?: number; reason?: string; message?: string };
        const message = Array.isArray(error)
          ? ((error[0] as { message?: string } | undefined)?.message ?? 'The subscription was refused')
          : event.code !== undefined
            ? `The live connection closed (${event.code}${event.reason ? `: ${event.reason}` : ''})`
            : (event.message ?? String(error));
        return { value: { errors: [{ message }] }, done: false };
      }
    },
    async return() {
      await results.return?.();
      close();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
