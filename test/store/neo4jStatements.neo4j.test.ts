/**
 * Every statement the Neo4j adapter can send (the enumeration of src/store/neo4j/allNeo4jStatements.ts,
 * built by the builders the store calls) EXPLAINed by the live Neo4j of the `neo4j` jest project:
 * the server parses, checks and plans each one, so a statement it would reject fails here, and so
 * does one it accepts with a warning (a label, relationship type or property key it does not know,
 * deprecated syntax, ...) once every label, type and key of the registries exists in the database.
 * Without a live server the same guarantee comes from test/store/neo4jCypher.test.ts.
 */
import { auth, driver as neo4jDriver, type Driver } from 'neo4j-driver';
import { NODE_KINDS, propertiesOf } from '../../src/model/kinds';
import { recordNames } from '../../src/model/recordNames';
import { RELATIONSHIP_PROPERTIES, RELATIONSHIP_TYPES, RELATIONSHIPS } from '../../src/model/relationships';
import { allNeo4jStatements, type EnumeratedNeo4jStatement } from '../../src/store/neo4j/allNeo4jStatements';
import { neo4jTestTarget } from '../support/neo4jTestTarget';
import { openEmptyNeo4jStore } from '../support/openTestStore';

/** What the server said about one statement: an error, or its warning notifications. */
interface Verdict {
  readonly name: string;
  readonly text: string;
  readonly error?: string;
  readonly warnings: readonly string[];
}

const target = neo4jTestTarget();
let driver: Driver;

async function explain(text: string, params: Record<string, unknown> = {}): Promise<{ error?: string; warnings: string[] }> {
  const session = driver.session({ ...(target.database ? { database: target.database } : {}) });
  try {
    const result = await session.run(`EXPLAIN ${text}`, params);
    const warnings = result.summary.gqlStatusObjects
      .filter((s) => s.severity === 'WARNING')
      .map((s) => `${s.gqlStatus}: ${s.statusDescription}`);
    return { warnings };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), warnings: [] };
  } finally {
    await session.close();
  }
}

/**
 * Makes every registry label, relationship type and property key known to the database (a node per
 * kind with every property, a relationship per type with every property, then all deleted): Neo4j
 * warns about names it has never stored, which is the check a misspelt name must fail.
 */
async function createEveryToken(): Promise<void> {
  const session = driver.session({ ...(target.database ? { database: target.database } : {}) });
  try {
    await session.executeWrite(async (tx) => {
      for (const kind of NODE_KINDS) {
        const props = Object.fromEntries(propertiesOf(kind).map((p) => [p.name, 'x']));
        await tx.run(`CREATE (n:${kind}) SET n = $props, n.id = $id`, { props, id: `${kind}:token` });
      }
      const relProps = Object.fromEntries(RELATIONSHIP_PROPERTIES.map((p) => [p.name, 'x']));
      for (const type of RELATIONSHIP_TYPES) {
        const { from, to } = RELATIONSHIPS[type];
        await tx.run(`MATCH (a:${from[0]} {id: $from}), (b:${to[0]} {id: $to}) CREATE (a)-[e:${type}]->(b) SET e = $props`, {
          from: `${from[0]}:token`,
          to: `${to[0]}:token`,
          props: relProps,
        });
      }
      // The records of implementation and their history: a node per label with its properties, a relationship per type.
      const records = recordNames();
      for (const label of records.labels) {
        const props = Object.fromEntries(records.properties.filter((p) => p.label === label).map((p) => [p.name, p.type === 'int' ? 1 : p.type === 'boolean' ? true : 'x']));
        await tx.run(`CREATE (n:${label}) SET n = $props, n.id = $id`, { props, id: `${label}:token` });
      }
      for (const { type, from, to } of records.relationships) {
        await tx.run(`MATCH (a:${from} {id: $from}), (b:${to} {id: $to}) CREATE (a)-[:${type}]->(b)`, { from: `${from}:token`, to: `${to}:token` });
      }
    });
    await session.executeWrite((tx) => tx.run('MATCH (n) DETACH DELETE n'));
  } finally {
    await session.close();
  }
}

/** EXPLAINs the statements, two at a time, every parameter given as null (planning reads no value). */
async function explainAll(statements: readonly EnumeratedNeo4jStatement[]): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < statements.length) {
      const s = statements[next++] as EnumeratedNeo4jStatement;
      const params = Object.fromEntries(s.params.map((name) => [name, null]));
      verdicts.push({ name: s.name, text: s.text, ...(await explain(s.text, params)) });
    }
  };
  await Promise.all([lane(), lane()]);
  return verdicts;
}

/**
 * Statements left to the validator alone: the enumeration's synthetic shapes of every relationship
 * type at once that carry every condition fragment at once (over 20) on an end node of five or
 * more labels. Neo4j's planner weighs an index seek per label and predicate for them and took over
 * 2 minutes to plan one on a busy 2-core machine; each fragment is also planned in the per-type
 * statements, and real calls carry a few conditions.
 */
function plannedHere(s: EnumeratedNeo4jStatement): boolean {
  const conditions = s.params.filter((name) => /^w\d+$/.test(name)).length;
  return !(conditions > 20 && /\(b:[A-Za-z]+(\|[A-Za-z]+){4,}\)/.test(s.text));
}

const statements = allNeo4jStatements().filter(plannedHere);
let verdicts: Verdict[] = [];

beforeAll(async () => {
  const store = await openEmptyNeo4jStore(); // an empty database with the adapter's schema
  await store.close();
  driver = neo4jDriver(target.uri, auth.basic(target.username, target.password));
  await createEveryToken();
  verdicts = await explainAll(statements);
}, 900_000);

afterAll(async () => {
  await driver?.close();
});

describe('Cypher sent to Neo4j, EXPLAINed by the live server', () => {
  it('plans every statement the adapter can send', () => {
    expect(statements.length).toBeGreaterThan(400);
    expect(verdicts).toHaveLength(statements.length);
    const failures = verdicts.filter((v) => v.error).map((v) => `${v.name}\n${v.text}\n  ${v.error}`);
    expect(failures).toEqual([]);
  });

  it('gets no warning for any statement', () => {
    const failures = verdicts.filter((v) => v.warnings.length > 0).map((v) => `${v.name}\n${v.text}\n  ${v.warnings.join('\n  ')}`);
    expect(failures).toEqual([]);
  });

  describe('the check can fail', () => {
    it("rejects Kùzu's SHORTEST syntax, NULLS LAST and an undefined variable", async () => {
      expect((await explain('MATCH p = (a:Agency)-[* SHORTEST 1..6]-(b) RETURN p')).error).toMatch(/SHORTEST/);
      expect((await explain('MATCH (n:Task) RETURN n.id AS id ORDER BY n.name ASC NULLS LAST')).error).toMatch(/NULLS/);
      expect((await explain('MATCH (n:Task) RETURN m')).error).toMatch(/Variable `m` not defined/);
    });

    it('warns about a misspelt property, label or relationship type', async () => {
      expect((await explain('MATCH (n:Task) RETURN n.dueYaer AS y')).warnings.join()).toMatch(/dueYaer/);
      expect((await explain('MATCH (n:Taks) RETURN n.id AS id')).warnings.join()).toMatch(/Taks/);
      expect((await explain('MATCH (:Task)-[e:HAS_TAKS]->() RETURN e')).warnings.join()).toMatch(/HAS_TAKS/);
    });
  });
});
