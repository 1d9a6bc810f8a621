import neo4j from 'neo4j-driver';
import { allNeo4jStatements } from './src/store/neo4j/allNeo4jStatements';
(async () => {
  const d = neo4j.driver('bolt://127.0.0.1:44653', neo4j.auth.basic('neo4j', process.env.NEO4J_TEST_PASSWORD!));
  const all = allNeo4jStatements();
  const s = d.session();
  const t0 = Date.now();
  for (const st of all) {
    const t = Date.now();
    let warn = '';
    try { const r = await s.run('EXPLAIN ' + st.text, Object.fromEntries(st.params.map((p) => [p, null]))); warn = r.summary.gqlStatusObjects.filter((g) => g.severity === 'WARNING').map((g) => g.gqlStatus + ' ' + g.statusDescription).join(' | '); } catch (e) { warn = 'ERR ' + (e as Error).message.slice(0, 300); }
    console.log(Date.now() - t, st.name, warn);
  }
  console.log('total', Date.now() - t0, all.length);
  await s.close(); await d.close();
})();
