/**
 * The record of statements Neo4j's validator (@neo4j-cypher/language-support) has passed, kept in
 * `neo4jCypher.validated.json` beside this file, so test/store/neo4jCypher.test.ts lints only the
 * statements that are new or changed since (the validator takes up to a second a statement, and the
 * adapter has ~450). A statement's key covers everything the verdict depends on: the validator's
 * version, the schema declared to it (labels, types, kind pairs, property keys from the registries),
 * the statement's parameters and its text; changing any of them makes it pending again. The
 * records of implementation and their history (src/model/recordNames.ts) are declared too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DbSchema } from '@neo4j-cypher/language-support';
import { NODE_KINDS, propertiesOf } from '../../src/model/kinds';
import { recordNames } from '../../src/model/recordNames';
import { RELATIONSHIP_PROPERTIES, RELATIONSHIP_TYPES, RELATIONSHIPS } from '../../src/model/relationships';
import { NEO4J_PARAMETER_MAP_KEYS } from '../../src/store/neo4j/allNeo4jStatements';

/** Where the record lives (committed). */
export const VALIDATED_RECORD_FILE = path.join(__dirname, 'neo4jCypher.validated.json');

/** The validator's version, from its installed package (its exports hide package.json: found from its entry). */
export const VALIDATOR_VERSION: string = (() => {
  const name = '@neo4j-cypher/language-support';
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name && pkg.version) return pkg.version;
  }
  throw new Error(`cannot find the version of ${name}`);
})();

/** The schema declared to the validator: the registries' names, and the statement's parameters. */
export function dbSchema(parameters: readonly string[]): DbSchema {
  const propertyKeys = new Set<string>(['id', ...NEO4J_PARAMETER_MAP_KEYS, ...RELATIONSHIP_PROPERTIES.map((p) => p.name)]);
  for (const kind of NODE_KINDS) for (const p of propertiesOf(kind)) propertyKeys.add(p.name);
  const records = recordNames();
  for (const p of records.properties) propertyKeys.add(p.name);
  return {
    defaultLanguage: 'CYPHER 5',
    labels: [...NODE_KINDS, ...records.labels],
    relationshipTypes: [...RELATIONSHIP_TYPES, ...records.relationships.map((r) => r.type)],
    propertyKeys: [...propertyKeys],
    parameters: Object.fromEntries(parameters.map((name) => [name, null])),
    graphSchema: [
      ...RELATIONSHIP_TYPES.flatMap((relType) => RELATIONSHIPS[relType].from.flatMap((from) => RELATIONSHIPS[relType].to.map((to) => ({ from, to, relType })))),
      ...records.relationships.map(({ type, from, to }) => ({ from, to, relType: type })),
    ],
  };
}

/** The key of one statement's verdict (see the module comment). */
export function validationKey(text: string, params: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([VALIDATOR_VERSION, dbSchema([...params].sort()), text]))
    .digest('hex')
    .slice(0, 32);
}

/** The keys recorded as validated (none when the file is absent). */
export function readValidatedKeys(): Set<string> {
  if (!fs.existsSync(VALIDATED_RECORD_FILE)) return new Set();
  const record = JSON.parse(fs.readFileSync(VALIDATED_RECORD_FILE, 'utf8')) as { keys?: unknown };
  return new Set(Array.isArray(record.keys) ? record.keys.filter((k): k is string => typeof k === 'string') : []);
}

/** Replaces the record with these keys (sorted, so a diff shows what changed). */
export function writeValidatedKeys(keys: Iterable<string>): void {
  const record = {
    note: 'Keys of statements that @neo4j-cypher/language-support passed with no diagnostic; see test/store/neo4jCypherRecord.ts.',
    validator: VALIDATOR_VERSION,
    keys: [...new Set(keys)].sort(),
  };
  fs.writeFileSync(VALIDATED_RECORD_FILE, `${JSON.stringify(record, null, 1)}\n`);
}
