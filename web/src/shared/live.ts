import { createClient, type Client } from 'graphql-ws';
import { readCredential } from './credential';
import { graphqlEndpoint } from './settings';

let client: Client | null = null;

/** The WebSocket address of the GraphQL endpoint (same origin). */
function liveUrl(): string {
  const url = new URL(graphqlEndpoint(), window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * Subscribes to `query` over graphql-ws (one shared connection, carrying the
 * stored credential); `onData` gets each event's data, `onError` a failure.
 * Returns the function that ends the subscription.
 */
export function subscribeLive<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, onError: (error: Error) => void): () => void {
  client ??= createClient({
    url: liveUrl(),
    lazy: true,
    retryAttempts: 5,
    connectionParams: () => {
      const credential = readCredential();
      return credential ? { [credential.kind === 'bearer' ? 'authorization' : 'x-api-key']: credential.kind === 'bearer' ? `Bearer ${credential.value}` : credential.value } : {};
    },
  });
  return client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.data) onData(result.data as T);
        else if (result.errors?.length) onError(new Error(result.errors.map((e) => e.message).join('; ')));
      },
      error: (error) => onError(error instanceof Error ? error : new Error(String(error))),
      complete: () => undefined,
    },
  );
}
