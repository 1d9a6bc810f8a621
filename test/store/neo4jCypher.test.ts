/**
 * Every statement the Neo4j adapter can send, checked by Neo4j's own Cypher
 * parser and semantic analysis (@neo4j-cypher/language-support), against a
 * schema declaring the registry's labels, relationship types (with the kind
 * pairs they join), property keys and each statement's parameters. No server
 * is needed.
 */
import { lintCypherQuery, type DbSchema } from '@neo4j-cypher/language-support';
import { NODE_KINDS, propertiesOf } from '../../src/model/kinds';
import { RELATIONSHIP_PROPERTIES, RELATIONSHIP_TYPES, RELATIONSHIPS } from '../../src/model/relationships';
import { ANALYTICS_LIMITS } from '../../src/store/analytics';
import { allNeo4jStatements, NEO4J_PARAMETER_MAP_KEYS } from '../../src/store/neo4j/allNeo4jStatements';

const ERROR = 1;
const WARNING = 2;

function dbSchema(parameters: readonly string[]): DbSchema {
  const propertyKeys = new Set<string>(['id', ...NEO4J_PARAMETER_MAP_KEYS, ...RELATIONSHIP_PROPERTIES.map((p) => p.name)]);
  for (const kind of NODE_KINDS) for (const p of propertiesOf(kind)) propertyKeys.add(p.name);
  return {
    defaultLanguage: 'CYPHER 5',
    labels: [...NODE_KINDS],
    relationshipTypes: [...RELATIONSHIP_TYPES],
    propertyKeys: [...propertyKeys],
    parameters: Object.fromEntries(parameters.map((name) => [name, null])),
    graphSchema: RELATIONSHIP_TYPES.flatMap((relType) =>
      RELATIONSHIPS[relType].from.flatMap((from) => RELATIONSHIPS[relType].to.map((to) => ({ from, to, relType }))),
    ),
  };
}

interface Finding {
  readonly severity: number | undefined;
  readonly message: string;
  readonly at: number;
}

function lint(cypher: string, parameters: readonly string[] = []): Finding[] {
  return lintCypherQuery(cypher, dbSchema(parameters)).diagnostics.map((d) => ({
    severity: d.severity,
    message: typeof d.message === 'string' ? d.message : d.message.value,
    at: d.offsets.start,
  }));
}

function report(name: string, cypher: string, findings: readonly Finding[]): string {
  return `${name}\n${cypher}\n${findings.map((f) => `  severity ${String(f.severity)} at ${f.at}: ${f.message}`).join('\n')}`;
}

const statements = allNeo4jStatements();
/** Diagnostics of every enumerated statement, computed once (the linter takes 20-200 ms a statement). */
let findings: { name: string; cypher: string; findings: Finding[] }[] = [];

beforeAll(() => {
  findings = statements.map((s) => ({ name: s.name, cypher: s.text, findings: lint(s.text, s.params) }));
}, 600_000);

describe('Cypher sent to Neo4j, checked by Neo4j\'s own parser (Cypher 5)', () => {
  it('enumerates a statement for every kind, relationship type and kind pair', () => {
    expect(statements.length).toBeGreaterThan(300);
    const names = statements.map((s) => s.name);
    for (const kind of NODE_KINDS) {
      expect(names).toContain(`getNodes:${kind}`);
      expect(names).toContain(`upsert.nodes:${kind}`);
      expect(names).toContain(`schema.constraint:${kind}.id`);
    }
    for (const type of RELATIONSHIP_TYPES) {
      expect(names.some((n) => n.startsWith(`neighbours:${type}:OUT:`))).toBe(true);
      expect(names.some((n) => n.startsWith(`neighbours:${type}:IN:`))).toBe(true);
      expect(names.some((n) => n.startsWith('upsert.edges:') && n.includes(`-${type}->`))).toBe(true);
      for (const from of RELATIONSHIPS[type].from) {
        for (const to of RELATIONSHIPS[type].to) expect(names).toContain(`getEdges:${from}-${type}->${to}`);
      }
    }
    for (const prefix of [
      'schema.searchIndex',
      'search.count:',
      'search.page:',
      'paths.shortest:',
      'paths.all:',
      'neighbourhood.start:',
      'neighbourhood.layer:',
      'neighbourhood.edges:',
      'countNodes:',
      'countEdges:',
    ]) {
      expect(names.some((n) => n.startsWith(prefix))).toBe(true);
    }
    for (let length = 1; length <= ANALYTICS_LIMITS.maxPathDepth; length += 1) {
      expect(names.some((n) => n.startsWith('paths.all:') && n.endsWith(`:${length}`))).toBe(true);
    }
    console.log(`neo4j: ${statements.length} statements enumerated for the validator`);
  });

  it('has no error-level diagnostic (severity 1) in any statement', () => {
    const failures = findings
      .filter((s) => s.findings.some((f) => f.severity === ERROR))
      .map((s) => report(s.name, s.cypher, s.findings.filter((f) => f.severity === ERROR)));
    expect(failures).toEqual([]);
  });

  it('has no diagnostic at all (no warning either), once labels, types, kind pairs, keys and parameters are declared', () => {
    const failures = findings
      .filter((s) => s.findings.length > 0)
      .map((s) => report(s.name, s.cypher, s.findings));
    expect(failures).toEqual([]);
  });

  it('declares exactly the parameters each statement uses', () => {
    const failures: string[] = [];
    for (const s of statements) {
      const used = [...new Set([...s.text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))].sort();
      if (JSON.stringify(used) !== JSON.stringify([...s.params].sort())) failures.push(`${s.name}: uses ${used.join(',')} declares ${s.params.join(',')}`);
    }
    expect(failures).toEqual([]);
  });

  describe('the validator can fail', () => {
    it("rejects Kùzu's SHORTEST syntax as an error", () => {
      const diagnostics = lint('MATCH p = (a:Agency)-[* SHORTEST 1..6]-(b) RETURN p');
      expect(diagnostics.some((d) => d.severity === ERROR && /SHORTEST/.test(d.message))).toBe(true);
    });

    it('rejects a parameter as a variable-length bound (so path depths are validated literals)', () => {
      expect(lint('MATCH p = (a:Task)-[*1..$depth]-(b:Agency) RETURN p', ['depth']).some((d) => d.severity === ERROR)).toBe(true);
    });

    it("rejects NULLS LAST (not Cypher 5) and an undefined variable as errors", () => {
      expect(lint('MATCH (n:Task) RETURN n.id AS id ORDER BY n.name ASC NULLS LAST').some((d) => d.severity === ERROR)).toBe(true);
      expect(lint('MATCH (n:Task) RETURN m').some((d) => d.severity === ERROR)).toBe(true);
    });

    it('reports an undeclared parameter, a misspelt property and a reversed relationship', () => {
      expect(lint('MATCH (n:Task) WHERE n.id IN $ids RETURN n.id AS id').some((d) => /Parameter \$ids is not defined/.test(d.message))).toBe(true);
      expect(lint('MATCH (n:Task) RETURN n.dueYaer AS y').some((d) => d.severity === WARNING && /dueYaer/.test(d.message))).toBe(true);
      expect(lint('MATCH (a:Task)-[e:HAS_TASK]->(b:Plan) RETURN a.id AS id').some((d) => d.severity === WARNING)).toBe(true);
    });
  });
});
