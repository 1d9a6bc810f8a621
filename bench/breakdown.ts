import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, QueryResult } from 'kuzu';
import pino from 'pino';
import { loadSeed } from '../seed/loadSeed';
import { createContext } from '../src/context';
import { loadConfig } from '../src/config';
import { createApolloServer } from '../src/server/createApolloServer';
import { openKuzuStore } from '../src/store/kuzu/openKuzuStore';
import { cacheStoreReads } from '../src/store/cacheStoreReads';
import type { GraphStore } from '../src/store/port';
import { watchStoreWrites, WriteClock } from '../src/store/watchStoreWrites';
import { BENCH_QUERIES } from './queries';

/**
 * `npx tsx bench/breakdown.ts [--rounds 300]`: where one request of each
 * `npm run bench` query spends its time, in-process and one request at a
 * time (no HTTP, no concurrency): the whole execution through Apollo's
 * executeOperation, the time inside each store-port method, and inside those
 * the time in Kùzu's binding (`execute`, prepared statements) and in turning
 * its rows into JS objects (`getAllSync`). The rest of a store call is the
 * adapter's own JS; the rest of the request is Apollo and graphql-js. A second
 * pass replays the same store answers from memory (a recording store), which
 * is the floor of GraphQL execution when the store costs nothing; a third
 * goes through the read-through store cache (cacheStoreReads).
 */

interface Timer {
  total: number;
  calls: number;
}

const timers = new Map<string, Timer>();

function add(name: string, ms: number): void {
  const timer = timers.get(name) ?? { total: 0, calls: 0 };
  timer.total += ms;
  timer.calls += 1;
  timers.set(name, timer);
}

/** Wraps the binding's execute and getAllSync with timers (this script only). */
function instrumentBinding(): void {
  const execute = Connection.prototype.execute;
  Connection.prototype.execute = async function timedExecute(this: Connection, ...args: Parameters<typeof execute>) {
    const start = performance.now();
    try {
      return await execute.apply(this, args);
    } finally {
      add('  kuzu binding: execute (prepared statement)', performance.now() - start);
    }
  } as typeof execute;
  const getAllSync = QueryResult.prototype.getAllSync;
  QueryResult.prototype.getAllSync = function timedGetAll(this: QueryResult) {
    const start = performance.now();
    try {
      return getAllSync.apply(this);
    } finally {
      add('  kuzu binding: getAllSync (rows to JS)', performance.now() - start);
    }
  };
}

const STORE_METHODS = ['getNodes', 'getEdges', 'getNeighbours', 'listNodes', 'listEdges'] as const;

/** The store with every read method timed. */
function timed(store: GraphStore): GraphStore {
  const view = Object.create(store) as GraphStore;
  for (const method of STORE_METHODS) {
    const original = store[method] as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(view, method, {
      value: async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return await original.apply(store, args);
        } finally {
          add(`store.${method}`, performance.now() - start);
        }
      },
    });
  }
  return view;
}

/** A store that answers every read from answers recorded once from `store` (keyed by arguments). */
function replaying(store: GraphStore): { store: GraphStore; record: () => void; replay: () => void } {
  const answers = new Map<string, unknown>();
  let recording = true;
  const view = Object.create(store) as GraphStore;
  for (const method of STORE_METHODS) {
    const original = store[method] as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(view, method, {
      value: async (...args: unknown[]) => {
        const key = `${method}${JSON.stringify(args[0])}`;
        if (!recording && answers.has(key)) return answers.get(key);
        const answer = await original.apply(store, args);
        answers.set(key, answer);
        return answer;
      },
    });
  }
  return { store: view, record: () => (recording = true), replay: () => (recording = false) };
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const rounds = option('rounds', 300);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-breakdown-'));
  instrumentBinding();
  const store = await openKuzuStore({ path: path.join(dir, 'db') });
  try {
    await loadSeed(store);
    const logger = pino({ level: 'silent' });
    const { limits, posture } = loadConfig({ API_PROFILE: 'development' });
    const apollo = createApolloServer(logger, { limits, posture });
    await apollo.start();
    const run = async (query: string, through: GraphStore): Promise<number> => {
      const start = performance.now();
      const response = await apollo.executeOperation({ query }, { contextValue: createContext(through, logger) });
      const elapsed = performance.now() - start;
      if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
      return elapsed;
    };
    for (const [label, query] of Object.entries(BENCH_QUERIES)) {
      const view = timed(store);
      for (let i = 0; i < 50; i += 1) await run(query, view); // warm-up
      timers.clear();
      let total = 0;
      for (let i = 0; i < rounds; i += 1) total += await run(query, view);
      const lines = [`\n${label}: ${(total / rounds).toFixed(2)} ms per request (${rounds} in sequence, in-process)`];
      for (const [name, timer] of [...timers].sort()) {
        lines.push(`  ${name.padEnd(48)} ${(timer.total / rounds).toFixed(3)} ms/request, ${(timer.calls / rounds).toFixed(1)} calls/request`);
      }
      const replay = replaying(store);
      await run(query, replay.store);
      replay.replay();
      for (let i = 0; i < 50; i += 1) await run(query, replay.store);
      let replayTotal = 0;
      for (let i = 0; i < rounds; i += 1) replayTotal += await run(query, replay.store);
      lines.push(`  same request with every store answer replayed from memory: ${(replayTotal / rounds).toFixed(3)} ms`);
      const cached = cacheStoreReads(watchStoreWrites(store).store, new WriteClock(), 64 * 1024 * 1024).store;
      for (let i = 0; i < 50; i += 1) await run(query, cached);
      let cachedTotal = 0;
      for (let i = 0; i < rounds; i += 1) cachedTotal += await run(query, cached);
      lines.push(`  same request through the read-through store cache (cacheStoreReads): ${(cachedTotal / rounds).toFixed(3)} ms`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    await apollo.stop();
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
