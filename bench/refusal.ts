/**
 * Refusal time of hostile documents, over HTTP against a server in its own
 * process (the plan loaded, API_PROFILE=production, default limits): a query
 * nested 20 levels, 10,000 aliases, a 1 MB document (just under the body
 * limit, so it is parsed: refused by its tokens) and a body over the limit
 * (413), plus, for the worst case within the token limit, as many same-named
 * fields with arguments as the limit allows (graphql's validation compares
 * them pairwise). Each is sent `--repeat` times in sequence; p50/p99 of the
 * client-measured time to the answer, which must be a refusal.
 * A trivial query `{ __typename }` is timed the same way as the baseline of the
 * machine at that moment. Then the same documents in-process through Apollo's
 * executeOperation (no HTTP, no store: parse, validation and the limits only).
 * Options: --port (default 4611), --repeat (default 50).
 */
import pino from 'pino';
import { loadConfig } from '../src/config';
import type { Context } from '../src/context';
import { createApolloServer } from '../src/server/createApolloServer';
import { startBenchServer } from './startBenchServer';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const port = option('port', 4611);
const repeat = option('repeat', 50);
const limits = loadConfig({}).limits;

let deep = 'id';
for (let i = 0; i < 9; i += 1) deep = `leads { lead { ${deep} } }`;
deep = deep.replace('lead { id }', 'id');
const CASES: Record<string, string> = {
  'baseline: { __typename } (answered)': '{ __typename }',
  'depth 20 (225 bytes)': `{ agencies { nodes { ${deep} } } }`,
  '10,000 aliases of search': `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: search(text: "so") { totalCount }`).join(' ')} }`,
  '1 MB document (under the body limit)': `{ ${'a '.repeat(495_000)} }`,
  'over the body limit (413)': `{ ${'__typename '.repeat(100_000)} }`,
  [`${Math.floor(limits.maxTokens / 8)} same-named fields with arguments (within the token limit)`]: `{ ${'node(id: "a") { id } '.repeat(Math.floor(limits.maxTokens / 8) - 1)} }`,
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const server = await startBenchServer(port, { env: { API_PROFILE: 'production' } });
  const rows: string[] = [];
  try {
    for (const [name, query] of Object.entries(CASES)) {
      const body = JSON.stringify({ query });
      const times: number[] = [];
      let answer = '';
      for (let i = 0; i < repeat + 3; i += 1) {
        const started = performance.now();
        const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const text = await response.text();
        const elapsed = performance.now() - started;
        if (i >= 3) times.push(elapsed); // 3 warm-up requests
        const code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
        answer = `${response.status} ${code ?? 'no error'}`;
      }
      times.sort((a, b) => a - b);
      rows.push(`| ${name} | ${(body.length / 1024).toFixed(0)} KiB | ${answer} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 99).toFixed(2)} |`);
    }
  } finally {
    await server.stop();
  }
  rows.push('| **in-process (executeOperation, no HTTP)** | | | | |');
  const apollo = createApolloServer(pino({ level: 'silent' }), { limits, posture: loadConfig({}).posture });
  await apollo.start();
  for (const [name, query] of Object.entries(CASES)) {
    if (query.length > 1_000_000) continue; // the body limit is an HTTP matter
    const times: number[] = [];
    let answer = '';
    for (let i = 0; i < repeat + 3; i += 1) {
      const started = performance.now();
      const response = await apollo.executeOperation({ query }, { contextValue: { storeCalls: () => 0 } as unknown as Context });
      const elapsed = performance.now() - started;
      if (i >= 3) times.push(elapsed);
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      answer = `${response.http.status ?? 200} ${String(result?.errors?.[0]?.extensions?.code ?? 'no error')}`;
    }
    times.sort((a, b) => a - b);
    rows.push(`| ${name} | | ${answer} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 99).toFixed(2)} |`);
  }
  await apollo.stop();
  process.stdout.write(`Refusal times, ${repeat} requests each in sequence (ms, client-measured, loopback)\n\n| document | body | answer | p50 ms | p99 ms |\n|---|---|---|---|---|\n${rows.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
