import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One message a live subscription received: its data or its errors. */
export interface LiveMessage {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read results structurally
  readonly data?: any;
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
}

/** A subscription of a test: the messages so far, the next one awaited, and how it ended. */
export interface LiveSubscription {
  readonly messages: LiveMessage[];
  /** Resolves with message number `index` (0-based) once it has arrived; rejects if the subscription ends first or after `boundMs`. */
  message(index: number, boundMs?: number): Promise<LiveMessage>;
  /** Resolves when the server completes the subscription or ends it with an error (the error, or undefined). */
  readonly ended: Promise<unknown>;
  stop(): void;
}

/** How the connection closed, when it did. */
export interface LiveConnection {
  readonly client: Client;
  subscribe(query: string, variables?: Record<string, unknown>): LiveSubscription;
  /** Resolves with the first close event (code and reason). */
  readonly closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

/**
 * A graphql-ws client of a test server (over the `ws` package), connecting at
 * once, never retrying: a refusal shows as `closed`. `connectionParams` is
 * the `connection_init` payload (credentials).
 */
export function connectLive(httpUrl: string, connectionParams?: Record<string, unknown>): LiveConnection {
  let onClosed: (event: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    onClosed = resolve;
  });
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    ...(connectionParams ? { connectionParams } : {}),
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
    },
    onNonLazyError: () => undefined,
  });
  return {
    client,
    closed,
    subscribe(query, variables) {
      const messages: LiveMessage[] = [];
      const waiters: (() => void)[] = [];
      let finished = false;
      let onEnd: (value: unknown) => void = () => undefined;
      const ended = new Promise<unknown>((resolve) => {
        onEnd = resolve;
      });
      const wake = () => waiters.splice(0).forEach((w) => w());
      const stop = client.subscribe<unknown>(
        { query, ...(variables ? { variables } : {}) },
        {
          next: (value) => {
            messages.push(value as LiveMessage);
            wake();
          },
          error: (error) => {
            finished = true;
            onEnd(error);
            wake();
          },
          complete: () => {
            finished = true;
            onEnd(undefined);
            wake();
          },
        },
      );
      return {
        messages,
        ended,
        stop,
        message(index, boundMs = 20_000) {
          return new Promise<LiveMessage>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no message ${index} within ${boundMs} ms (got ${messages.length})`)), boundMs);
            const check = () => {
              const found = messages[index];
              if (found) {
                clearTimeout(timer);
                resolve(found);
              } else if (finished) {
                clearTimeout(timer);
                reject(new Error(`the subscription ended after ${messages.length} messages`));
              } else waiters.push(check);
            };
            check();
          });
        },
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
