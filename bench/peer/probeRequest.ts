import type { CypherCounts } from './cypherProbe';
import type { GraphQLRequest } from './questions';

/** What one request sent alone cost and answered. */
export interface ProbeResult {
  /** The response's `data`. */
  readonly data: unknown;
  /** Cypher statements the server process sent to Neo4j for this request (null when it has no probe). */
  readonly statements: number | null;
  /** Transactions it opened for it (null when it has no probe). */
  readonly transactions: number | null;
  /** Our server's `x-store-round-trips` header (null for the peer, which has none). */
  readonly roundTrips: number | null;
  /** Milliseconds from sending the last request to having read its answer (nothing else in flight). */
  readonly ms: number;
}

/** Reads the counts of a server's Cypher probe (bench/peer/cypherProbe.ts) on its side port. */
export async function readCypherCounts(probePort: number): Promise<CypherCounts> {
  const response = await fetch(`http://127.0.0.1:${probePort}/`);
  return (await response.json()) as CypherCounts;
}

/** The texts of the last `count` statements a server's probe saw (oldest first). */
export async function readRecentStatements(probePort: number, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const response = await fetch(`http://127.0.0.1:${probePort}/recent`);
  return ((await response.json()) as string[]).slice(-count);
}

/**
 * Sends `request` to `url` (POST JSON) `times` times, one after the other,
 * nothing else in flight, and returns the last answer with the statements and
 * transactions its server sent meanwhile (read from the probe before and
 * after it; the earlier sends warm the server's caches). Throws when the
 * response is not 200 or carries GraphQL errors, naming the server.
 */
export async function probeRequest(name: string, url: string, request: GraphQLRequest, probePort: number | undefined, times = 3): Promise<ProbeResult> {
  let result: ProbeResult | undefined;
  for (let i = 0; i < times; i++) {
    const before = probePort === undefined ? undefined : await readCypherCounts(probePort);
    const sent = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    const ms = performance.now() - sent;
    if (response.status !== 200 || body.errors) throw new Error(`${name}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 600)}`);
    const after = probePort === undefined ? undefined : await readCypherCounts(probePort);
    const header = response.headers.get('x-store-round-trips');
    result = {
      data: body.data,
      statements: before && after ? after.statements - before.statements : null,
      transactions: before && after ? after.transactions - before.transactions : null,
      roundTrips: header === null ? null : Number(header),
      ms,
    };
  }
  if (!result) throw new Error(`${name}: probed no request`);
  return result;
}
