import autocannon from 'autocannon';
import { BENCH_QUERIES } from './queries';
import { startBenchServer } from './startBenchServer';
async function main() {
  const server = await startBenchServer(4733, { env: { RESPONSE_CACHE_MB: process.env.RC ?? '0', STORE_CACHE_MB: process.env.SC ?? '64', }, nodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/tp/prof2'] });
  const body = JSON.stringify({ query: Object.values(BENCH_QUERIES)[Number(process.env.Q ?? 0)] });
  const url = `${server.url}/graphql`;
  await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: 3 });
  const r = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: 10 });
  console.log(r.requests.average, r.latency.p50, r.latency.p99, r.non2xx);
  await server.stop();
}
main();
