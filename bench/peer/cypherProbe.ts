import http from 'node:http';
import { Session, Transaction } from 'neo4j-driver';

/**
 * A probe loaded into a benchmarked server process (`node --import tsx
 * --import bench/peer/cypherProbe.ts <entry>`), the same for our server and
 * the peer's, so both are counted the same way: it wraps neo4j-driver's
 * `Session.run` and `Transaction.run` (managed transactions of
 * `executeRead`/`executeWrite` call the latter) to count every Cypher
 * statement the process sends, and `Session.executeRead`/`executeWrite`/
 * `beginTransaction` to count transactions. It changes nothing else.
 *
 * The counts are served as JSON `{ statements, transactions }` on
 * `http://127.0.0.1:$CYPHER_PROBE_PORT/` (nothing is served when the variable
 * is unset). The benchmark reads them before and after a request it sends
 * alone, so the difference is that request's statements. `GET /recent` serves
 * the text of the last {@link RECENT} statements (parameters left out), so a
 * reader can see what each server sends.
 */

/** How many statement texts `/recent` keeps. */
const RECENT = 2000;
/** A ring of the last statement texts; `sent` counts every statement ever sent, so `sent % RECENT` is the next slot. */
const recent: string[] = [];
let sent = 0;

/** What the probe has counted since the process started. */
export interface CypherCounts {
  readonly statements: number;
  readonly transactions: number;
}

const counts = { statements: 0, transactions: 0 };

type Method = (this: unknown, ...args: unknown[]) => unknown;

function countCalls(prototype: object, name: string, counter: keyof typeof counts): void {
  const original = (prototype as Record<string, unknown>)[name];
  if (typeof original !== 'function') throw new Error(`cypherProbe: neo4j-driver has no ${name} to count`);
  const wrapped: Method = function (this: unknown, ...args: unknown[]) {
    counts[counter] += 1;
    if (counter === 'statements') {
      recent[sent % RECENT] = typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
      sent += 1;
    }
    return (original as Method).apply(this, args);
  };
  (prototype as Record<string, unknown>)[name] = wrapped;
}

countCalls(Session.prototype, 'run', 'statements');
countCalls(Transaction.prototype, 'run', 'statements');
countCalls(Session.prototype, 'executeRead', 'transactions');
countCalls(Session.prototype, 'executeWrite', 'transactions');
countCalls(Session.prototype, 'beginTransaction', 'transactions');

const port = process.env.CYPHER_PROBE_PORT;
if (port) {
  const server = http.createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    const ordered = () => [...recent.slice(sent % RECENT), ...recent.slice(0, sent % RECENT)];
    response.end(JSON.stringify(request.url === '/recent' ? ordered() : (counts satisfies CypherCounts)));
  });
  server.listen(Number(port), '127.0.0.1');
  server.unref();
}
