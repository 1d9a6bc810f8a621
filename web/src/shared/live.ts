import { createClient, type Client } from 'graphql-ws/client';
import { credentialConnectionParams } from './credential';
import { graphqlEndpoint } from './settings';

/** Close codes after which reconnecting cannot help: refused credentials, a protocol or message the server will never take. */
const FINAL_CLOSE_CODES = new Set([4400, 4401, 4403, 4406, 4409, 1009]);

/** Longest wait between two reconnection attempts, ms. */
const MAX_RETRY_WAIT_MS = 30_000;

/** The live endpoint's ws(s):// URL: the page's GraphQL endpoint on the same origin. */
export function liveUrl(endpoint: string = graphqlEndpoint(), location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const url = new URL(endpoint, `${location.protocol}//${location.host}`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

let shared: Client | undefined;

/**
 * The page's one live connection (graphql-ws, graphql-transport-ws protocol),
 * opened on the first subscription and closed a moment after the last one
 * ends. It sends the tab's credential (credential.ts) in `connection_init`,
 * read again at every (re)connection, and reconnects after a lost connection
 * with a random exponential wait (up to 30 s), except when the server refused
 * for good (bad credentials, a message it will never take).
 */
function liveClient(): Client {
  shared ??= createClient({
    url: liveUrl(),
    lazy: true,
    lazyCloseTimeout: 3000,
    connectionParams: () => credentialConnectionParams(),
    retryAttempts: Infinity,
    shouldRetry: (event) => !(typeof event === 'object' && event !== null && 'code' in event && FINAL_CLOSE_CODES.has((event as CloseEvent).code)),
    retryWait: async (retries) => {
      const wait = Math.min(MAX_RETRY_WAIT_MS, 1000 * 2 ** retries) * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, wait));
    },
  });
  return shared;
}

/** A close event's reason, or the error's message. */
function describe(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, reason } = error as CloseEvent;
    return new Error(`The live connection closed (${code}${reason ? `: ${reason}` : ''})`);
  }
  if (Array.isArray(error)) {
    const first = error[0] as { message?: string; extensions?: { code?: string } } | undefined;
    const code = first?.extensions?.code ? ` (${first.extensions.code})` : '';
    return new Error(`${first?.message ?? 'GraphQL error'}${code}`);
  }
  return new Error(String(error));
}

/**
 * Subscribes to a live operation (a GraphQL `subscription`) and calls
 * `onData` with the data of each message, the current values first. A
 * message carrying errors, a refusal and a connection lost for good go to
 * `onError` (the subscription then ends); a connection lost for a while is
 * re-established, and the subscription sent again, by itself. Returns the
 * way to stop.
 */
export function subscribeLive<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, onError?: (e: Error) => void): () => void {
  let stopped = false;
  const stop = liveClient().subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (stopped) return;
        if (result.errors && result.errors.length > 0) {
          onError?.(describe(result.errors));
          return;
        }
        if (result.data) onData(result.data as T);
      },
      error: (error) => {
        if (!stopped) onError?.(describe(error));
      },
      complete: () => undefined,
    },
  );
  return () => {
    stopped = true;
    stop();
  };
}
