import { NODE_KINDS, propertiesOf, type NodeKind } from '../../../model/kinds';
import { cypherName } from '../statements/cypherName';
import type { Neo4jStatement } from '../statements/Neo4jStatement';
import { NEO4J_SEARCH_INDEX, NEO4J_SEARCH_PROPERTY } from '../statements/search';
import { recordSchemaStatements } from './recordSchemaStatements';

/**
 * Name of the full-text index over names, Vietnamese wording and numbers of
 * every kind, with diacritic folding (for ad-hoc Lucene queries; the API's
 * search uses {@link NEO4J_SEARCH_INDEX}).
 */
export const NEO4J_FULLTEXT_INDEX = 'kg_node_text';

/** Properties in the full-text index (a kind without one is simply not indexed on it). */
export const NEO4J_FULLTEXT_PROPERTIES = ['name', 'nameVi', 'searchText', 'number'] as const;

/** Properties lists filter on although the registry marks them neither sortable nor enumerated. */
// validFrom and validTo: the counts as of a date subtract index range counts (countNodesStatement).
const FILTERED_PROPERTIES = ['planId', 'timeframe', 'numberKey', 'taxCode', 'validFrom', 'validTo'];

/**
 * Free text that lists sort on but that gets no range index: a range index
 * key holds at most 8167 bytes and a longer value would fail the write, while
 * names are unbounded (the full-text index covers them instead).
 */
const FREE_TEXT_PROPERTIES = ['name', 'nameVi'];

/**
 * Properties of `kind` that get a range index: those lists sort on
 * (`sortable`), the enumerations they filter on (`values`), and planId,
 * timeframe, numberKey, taxCode where the kind has them; except free text
 * (name, nameVi). Strings written to these are limited in size by
 * {@link prepareUpsert}.
 */
export function rangeIndexedProperties(kind: NodeKind): string[] {
  return propertiesOf(kind)
    .filter((p) => p.sortable === true || p.values !== undefined || FILTERED_PROPERTIES.includes(p.name))
    .filter((p) => !FREE_TEXT_PROPERTIES.includes(p.name))
    .map((p) => p.name);
}

/**
 * Every schema statement, all idempotent (`IF NOT EXISTS`), run once when a
 * store opens:
 * - a uniqueness constraint on `id` for every kind (it brings the range
 *   index that `MATCH (n:Kind) WHERE n.id IN $ids` and MERGE use);
 * - a range index per filtered/sorted property ({@link rangeIndexedProperties});
 * - one full-text index over name, nameVi, searchText and number of every
 *   kind, with the `standard-folding` analyzer (folds Vietnamese diacritics);
 * - one full-text index over searchText of every kind, with the
 *   `standard-no-stop-words` analyzer, for `search` ({@link NEO4J_SEARCH_INDEX});
 * - the constraints and indexes of the records of implementation and their
 *   history ({@link recordSchemaStatements}).
 * `IF NOT EXISTS` never alters an existing index: changing a definition
 * needs a DROP first.
 */
export function schemaStatements(): Neo4jStatement[] {
  const statements: Neo4jStatement[] = [];
  for (const kind of NODE_KINDS) {
    const label = cypherName(kind);
    statements.push({
      name: `schema.constraint:${kind}.id`,
      text: `CREATE CONSTRAINT kg_${label}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
      params: {},
    });
  }
  for (const kind of NODE_KINDS) {
    const label = cypherName(kind);
    for (const property of rangeIndexedProperties(kind)) {
      const key = cypherName(property);
      statements.push({
        name: `schema.rangeIndex:${kind}.${property}`,
        text: `CREATE RANGE INDEX kg_${label}_${key} IF NOT EXISTS FOR (n:${label}) ON (n.${key})`,
        params: {},
      });
    }
  }
  statements.push({
    name: 'schema.fulltextIndex',
    text:
      `CREATE FULLTEXT INDEX ${NEO4J_FULLTEXT_INDEX} IF NOT EXISTS ` +
      `FOR (n:${NODE_KINDS.map(cypherName).join('|')}) ` +
      `ON EACH [${NEO4J_FULLTEXT_PROPERTIES.map((p) => `n.${cypherName(p)}`).join(', ')}] ` +
      "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
    params: {},
  });
  statements.push({
    name: 'schema.searchIndex',
    text:
      `CREATE FULLTEXT INDEX ${NEO4J_SEARCH_INDEX} IF NOT EXISTS ` +
      `FOR (n:${NODE_KINDS.map(cypherName).join('|')}) ` +
      `ON EACH [n.${cypherName(NEO4J_SEARCH_PROPERTY)}] ` +
      "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}",
    params: {},
  });
  statements.push(...recordSchemaStatements());
  return statements;
}
