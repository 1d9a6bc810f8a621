/**
 * `npm run test:faults`: a write that was acknowledged survives a killed
 * process, and nothing is half-written. Run by .ci/run after the jest suites
 * (it is a script of its own: it kills and restarts a server process).
 *
 * 1. Start the server (Kùzu, the plan loaded, a temporary data directory) with
 *    a development token secret; 8 writers send `recordActual` with fresh
 *    idempotency keys (SYNTHETIC values, labelled so in their evidence).
 * 2. Once at least 1,000 writes are acknowledged (200, no errors), SIGKILL the
 *    server while writes are in flight.
 * 3. Restart it on the same directory and check: every acknowledged actual is
 *    there with its CREATE change; the change log runs 1..N without gaps and
 *    every change's record exists; the actuals of the targets written equal
 *    the CREATE changes (no record without its history); every write that was
 *    in flight, sent again with its key, either replays (it had committed) or
 *    commits now.
 * Exits 1 with the reasons when a check fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchServer, type BenchServer } from '../../bench/startBenchServer';
import { editorCredentials, syntheticActualBody } from '../../bench/syntheticActuals';

/** Every target of the plan, read from the API at the start: writes are spread over them so that each
 * target's `actuals` list (at most 200) holds all of its records. */
let TARGETS: string[] = [];
const WRITERS = 8;
const ACKNOWLEDGED_BEFORE_KILL = 1000;
const PORT = Number(process.env.FAULTS_PORT ?? 4640);

interface Write {
  readonly key: string;
  readonly body: string;
}

function write(n: number): Write {
  return { key: `fault-${n}`, body: syntheticActualBody(n, TARGETS, 'fault', 'SYNTHETIC-FAULT-TEST') };
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-faults-'));
  const credentials = await editorCredentials('fault-writer');
  const env = { ...credentials.env, NEO4J_URI: '' };
  const headers = credentials.headers;
  const problems: string[] = [];
  let server: BenchServer | undefined = await startBenchServer(PORT, { dataDir, env });
  try {
    const listed = await post(server.url, headers, JSON.stringify({ query: '{ targets(first: 200) { nodes { id } } }' }));
    TARGETS = ((listed.data?.targets as { nodes: { id: string }[] } | undefined)?.nodes ?? []).map((t) => t.id);
    if (TARGETS.length < 10) throw new Error(`expected the plan's targets, got ${JSON.stringify(listed)}`);
    // 1-2. Write until at least ACKNOWLEDGED_BEFORE_KILL are acknowledged, then kill with writes in flight.
    const acknowledged = new Map<string, string>(); // key -> actual id
    const inFlight = new Map<string, Write>();
    let next = 0;
    let killed = false;
    const url = server.url;
    const pid = server.pid;
    const writer = async () => {
      while (!killed) {
        const w = write((next += 1));
        inFlight.set(w.key, w);
        try {
          const answer = await post(url, headers, w.body);
          const id = (answer.data?.recordActual as { actual?: { id?: string } } | undefined)?.actual?.id;
          if (answer.errors || !id) throw new Error(`write ${w.key} refused: ${JSON.stringify(answer.errors)}`);
          if (killed) continue; // answered after the kill signal was sent: treated as in flight
          acknowledged.set(w.key, id);
          inFlight.delete(w.key);
          if (acknowledged.size >= ACKNOWLEDGED_BEFORE_KILL && !killed) {
            killed = true;
            process.kill(pid, 'SIGKILL');
          }
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    await server.stop(); // already dead: only waits for its exit
    process.stdout.write(`killed with ${acknowledged.size} writes acknowledged and ${inFlight.size} in flight\n`);

    // 3. Restart on the same directory and check.
    server = await startBenchServer(PORT, { dataDir, env });
    const changes: { seq: number; action: string; recordId: string; record: { id: string } | null }[] = [];
    for (let after: string | null = null; ; ) {
      const answer = await post(
        server.url,
        headers,
        JSON.stringify({
          query: 'query($after: String) { auditLog(first: 200, after: $after) { nodes { seq action recordId record { id } } pageInfo { hasNextPage endCursor } } }',
          variables: { after },
        }),
      );
      if (answer.errors) throw new Error(`auditLog: ${JSON.stringify(answer.errors)}`);
      const page = answer.data?.auditLog as { nodes: typeof changes; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      changes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const created = new Set(changes.filter((c) => c.action === 'CREATE').map((c) => c.recordId));
    const lost = [...acknowledged].filter(([, id]) => !created.has(id));
    if (lost.length > 0) problems.push(`${lost.length} acknowledged writes are missing after the restart, e.g. ${lost.slice(0, 3).map(([k, id]) => `${k} -> ${id}`).join(', ')}`);
    changes.forEach((c, i) => {
      if (c.seq !== i + 1) problems.push(`the change log has a gap or disorder at position ${i + 1}: seq ${c.seq}`);
      if (!c.record) problems.push(`change ${c.seq} (${c.action} ${c.recordId}) has no record`);
    });
    const counts = await post(
      server.url,
      headers,
      JSON.stringify({ query: `{ targets(first: 200) { nodes { actuals(first: 200) { id } } } }` }),
    );
    if (counts.errors) throw new Error(`actuals: ${JSON.stringify(counts.errors)}`);
    const targets = (counts.data?.targets as { nodes: { actuals: unknown[] }[] }).nodes;
    const stored = targets.reduce((sum, t) => sum + t.actuals.length, 0);
    if (targets.some((t) => t.actuals.length >= 200)) problems.push('a target holds 200 actuals or more: the count below cannot see them all');
    if (stored !== created.size) problems.push(`the targets hold ${stored} actuals but the change log has ${created.size} CREATE changes`);
    let replayed = 0;
    for (const w of inFlight.values()) {
      const answer = await post(server.url, headers, w.body);
      const payload = answer.data?.recordActual as { replayed?: boolean } | undefined;
      if (answer.errors || !payload) problems.push(`in-flight write ${w.key} sent again failed: ${JSON.stringify(answer.errors)}`);
      else if (payload.replayed) replayed += 1;
    }
    process.stdout.write(
      `after the restart: ${changes.length} changes, ${created.size} actuals created, all ${acknowledged.size} acknowledged present: ${lost.length === 0}; ` +
        `${inFlight.size} in-flight writes sent again: ${replayed} had committed (replayed), ${inFlight.size - replayed} committed now\n`,
    );
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    process.stderr.write(`FAILED:\n  - ${problems.join('\n  - ')}\n`);
    process.exit(1);
  }
  process.stdout.write('passed: no acknowledged write lost, nothing half-written\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
