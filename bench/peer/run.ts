import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import autocannon from 'autocannon';
import { loadSeed } from '../../seed/loadSeed';
import { loadConfig } from '../../src/config';
import { openStore } from '../../src/store/openStore';
import { startBenchServer, type BenchServer } from '../startBenchServer';
import { checkPeerTypeDefs } from './checkPeerTypeDefs';
import { probeRequest, readCypherCounts, readRecentStatements, type ProbeResult } from './probeRequest';
import { questions, type Question } from './questions';
import { startNeo4j, type LaunchedNeo4j } from './startNeo4j';

/**
 * `npm run bench:peer`: our API and the peer (@neo4j/graphql 7, bench/peer/)
 * on the same live Neo4j with the same data, and our API on Kùzu, asked the
 * same five questions at the same concurrency in one run.
 *
 * Uses the Neo4j named by NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD
 * (NEO4J_DATABASE optional) or, when NEO4J_URI is unset, starts a throw-away
 * one with the project's launcher (tools/neo4j, `npm run neo4j`). It loads our seed into that database
 * through our store (MERGE: safe to repeat; nothing else is removed), starts
 * three servers in their own processes (ours on Neo4j, the peer, ours on a
 * fresh Kùzu), checks the peer's type definitions against our registries,
 * sends each question alone to each server and checks the answers are the
 * same rows, counting the Cypher statements each sends (bench/peer/cypherProbe.ts),
 * then loads each server with autocannon, question by question, the three
 * servers back to back in an order that rotates from one question to the next.
 *
 * Options: --duration s (10; 0 checks answers and counts statements only),
 * --connections (10), --warmup s (2), --entities (1000), --statements FILE
 * (write the Cypher each server sent for each question, as markdown).
 */

function textOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** The statements each Neo4j server sent for one question sent alone, as markdown (repeated texts counted once with ×n). */
async function describeStatements(question: Question, targets: readonly Target[], probes: Map<string, ProbeResult>): Promise<string> {
  const parts = [`## ${question.label}\n`];
  for (const target of targets) {
    const probe = probes.get(target.name);
    if (target.probePort === undefined || !probe?.statements) continue;
    const texts = await readRecentStatements(target.probePort, probe.statements);
    const counted = new Map<string, number>();
    for (const text of texts) counted.set(text, (counted.get(text) ?? 0) + 1);
    parts.push(`### ${target.name}: ${probe.statements} statements in ${probe.transactions} transactions\n`);
    for (const [text, n] of counted) parts.push(`${n > 1 ? `×${n}\n` : ''}\`\`\`cypher\n${text.trim()}\n\`\`\`\n`);
  }
  return parts.join('\n');
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A port free at the time of asking (the servers bind it right after). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** One server under test. */
interface Target {
  readonly name: string;
  readonly side: 'ours' | 'peer';
  readonly server: BenchServer;
  readonly probePort?: number;
}

/** One measured row of the table. */
interface Row {
  readonly question: string;
  readonly target: string;
  readonly probe: ProbeResult;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  /** Statements per request averaged over the loaded run (a check on the probe's count). */
  readonly statementsUnderLoad: number | null;
  readonly load1: readonly [number, number];
}

async function startTargets(): Promise<Target[]> {
  const probe = 'bench/peer/cypherProbe.ts';
  const oursProbe = await freePort();
  const ours = await startBenchServer(await freePort(), {
    imports: [probe],
    env: { SEED_ON_START: 'false', CYPHER_PROBE_PORT: String(oursProbe) },
  });
  const targets: Target[] = [{ name: 'ours on Neo4j', side: 'ours', server: ours, probePort: oursProbe }];
  try {
    const peerProbe = await freePort();
    const peer = await startBenchServer(await freePort(), { entry: 'bench/peer/peerServer.ts', imports: [probe], env: { CYPHER_PROBE_PORT: String(peerProbe) } });
    targets.push({ name: 'peer (@neo4j/graphql) on Neo4j', side: 'peer', server: peer, probePort: peerProbe });
    const kuzu = await startBenchServer(await freePort(), { env: { NEO4J_URI: '' } });
    targets.push({ name: 'ours on Kùzu', side: 'ours', server: kuzu });
    return targets;
  } catch (error) {
    await Promise.all(targets.map((t) => t.server.stop()));
    throw error;
  }
}

/** Sends the question alone to every target and checks all answers are the same rows. */
async function checkAnswers(question: Question, targets: readonly Target[]): Promise<Map<string, ProbeResult>> {
  const results = new Map<string, ProbeResult>();
  let reference: { name: string; rows: string[] } | undefined;
  for (const target of targets) {
    const side = question[target.side];
    const probe = await probeRequest(target.name, `${target.server.url}/graphql`, side.request, target.probePort);
    const rows = side.answer(probe.data);
    if (rows.length === 0) throw new Error(`${question.label}: ${target.name} answered no rows`);
    if (!reference) reference = { name: target.name, rows };
    else if (rows.join('\n') !== reference.rows.join('\n')) {
      const extra = rows.filter((r) => !reference?.rows.includes(r)).slice(0, 5);
      const missing = reference.rows.filter((r) => !rows.includes(r)).slice(0, 5);
      throw new Error(
        `${question.label}: ${target.name} answers ${rows.length} rows, ${reference.name} ${reference.rows.length}\n` +
          `  only in ${target.name}: ${JSON.stringify(extra)}\n  only in ${reference.name}: ${JSON.stringify(missing)}`,
      );
    }
    results.set(target.name, probe);
  }
  process.stdout.write(`  answers agree: ${reference?.rows.length} rows on every server\n`);
  return results;
}

async function measure(target: Target, question: Question, probe: ProbeResult, options: { duration: number; warmup: number; connections: number }): Promise<Row> {
  const body = JSON.stringify(question[target.side].request);
  let graphqlErrors = 0;
  const load = (duration: number) =>
    autocannon({
      url: `${target.server.url}/graphql`,
      connections: options.connections,
      duration,
      timeout: 120,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          onResponse: (_status: number, responseBody: string) => {
            if (responseBody.startsWith('{"errors"') || responseBody.includes('"errors":[')) graphqlErrors += 1;
          },
        },
      ],
    });
  if (options.warmup > 0) await load(options.warmup);
  graphqlErrors = 0;
  const load1Before = os.loadavg()[0] ?? 0;
  const before = target.probePort === undefined ? undefined : await readCypherCounts(target.probePort);
  const result = await load(options.duration);
  const after = target.probePort === undefined ? undefined : await readCypherCounts(target.probePort);
  const label = `${question.label} on ${target.name}`;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || graphqlErrors > 0) {
    throw new Error(`${label}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} time-outs, ${graphqlErrors} GraphQL errors`);
  }
  // autocannon counts requests still in flight when the run ends; the probe counted what the server sent for them too.
  const requests = result.requests.total;
  return {
    question: question.label,
    target: target.name,
    probe,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    statementsUnderLoad: before && after && requests > 0 ? (after.statements - before.statements) / requests : null,
    load1: [load1Before, os.loadavg()[0] ?? 0],
  };
}

function formatTable(rows: readonly Row[]): string {
  const count = (n: number | null) => (n === null ? '—' : String(n));
  // No request finished within the run: autocannon reports latency 0, which would read as fast.
  const latency = (r: Row, ms: number) => (r.requests === 0 ? '—' : String(ms));
  const lines = rows.map(
    (r) =>
      `| ${r.question} | ${r.target} | ${r.requestsPerSecond.toFixed(r.requestsPerSecond < 10 ? 1 : 0)} | ${latency(r, r.p50)} | ${latency(r, r.p99)} | ` +
      `${count(r.probe.statements)} | ${count(r.probe.transactions)} | ${count(r.probe.roundTrips)} | ${r.statementsUnderLoad === null ? '—' : r.statementsUnderLoad.toFixed(1)} | ` +
      `${r.requests} | ${r.load1[0].toFixed(1)}–${r.load1[1].toFixed(1)} |`,
  );
  return [
    '| question | server | req/s | p50 ms | p99 ms | Cypher statements / request | transactions / request | store round-trips / request | statements / request under load | requests | load average (1 min) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...lines,
  ].join('\n');
}

async function main(): Promise<void> {
  const options = { duration: option('duration', 10), warmup: option('warmup', 2), connections: option('connections', 10) };
  const entityCount = option('entities', 1000);
  const problems = checkPeerTypeDefs();
  if (problems.length > 0) throw new Error(`the peer's type definitions do not match src/model/:\n  ${problems.join('\n  ')}`);
  let launched: LaunchedNeo4j | undefined;
  if (!process.env.NEO4J_URI) {
    process.stdout.write('NEO4J_URI is unset: starting a throw-away Neo4j with tools/neo4j (the first start builds it)\n');
    launched = await startNeo4j();
    Object.assign(process.env, launched.env);
  }
  try {
    await run(options, entityCount, textOption('statements'));
  } finally {
    await launched?.stop();
  }
}

async function run(options: { duration: number; warmup: number; connections: number }, entityCount: number, statementsFile: string | undefined): Promise<void> {
  const statementTexts: string[] = [];

  const store = await openStore(loadConfig(process.env).store);
  try {
    const loaded = await loadSeed(store);
    process.stdout.write(`seed merged into ${process.env.NEO4J_URI}: ${JSON.stringify(loaded)}\n`);
  } finally {
    await store.close();
  }

  const targets = await startTargets();
  const stopOnSignal = () => void Promise.all(targets.map((t) => t.server.stop())).finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const rows: Row[] = [];
  const started = new Date();
  try {
    for (const target of targets) process.stdout.write(`${target.name}: ${target.server.url} (ready in ${target.server.readySeconds.toFixed(1)} s)\n`);
    const list = questions(entityCount);
    for (const [index, question] of list.entries()) {
      process.stdout.write(`${question.label}\n`);
      const probes = await checkAnswers(question, targets);
      for (const target of targets) {
        const probe = probes.get(target.name) as ProbeResult;
        process.stdout.write(`  ${target.name}: ${probe.statements ?? '—'} statements, ${probe.transactions ?? '—'} transactions, ${probe.roundTrips ?? '—'} store round-trips, ${probe.ms.toFixed(1)} ms alone\n`);
      }
      if (statementsFile) statementTexts.push(await describeStatements(question, targets, probes));
      if (options.duration <= 0) continue;
      const measured = new Map<string, Row>();
      for (const target of targets.map((_, i) => targets[(i + index) % targets.length] as Target)) {
        const row = await measure(target, question, probes.get(target.name) as ProbeResult, options);
        process.stdout.write(`  ${target.name}: ${row.requestsPerSecond.toFixed(1)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms\n`);
        measured.set(target.name, row);
      }
      for (const target of targets) rows.push(measured.get(target.name) as Row);
    }
  } finally {
    await Promise.all(targets.map((t) => t.server.stop()));
  }
  if (statementsFile) {
    fs.writeFileSync(statementsFile, `# Cypher sent per request (npm run bench:peer, ${started.toISOString()})\n\n${statementTexts.join('\n')}`);
    process.stdout.write(`statements written to ${statementsFile}\n`);
  }
  if (rows.length === 0) return; // --duration 0: answers checked and statements counted, nothing timed
  process.stdout.write(
    `\n${started.toISOString()}: autocannon, ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s per server and question, ` +
      `servers back to back (order rotating per question), each in its own process; Node ${process.version}, ${os.cpus().length} cores\n\n${formatTable(rows)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
