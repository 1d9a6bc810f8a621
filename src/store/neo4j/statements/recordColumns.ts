import { int } from 'neo4j-driver';
import { CHANGE_FIELDS } from '../../../model/history';
import { recordColumns, type RecordKind } from '../../../model/implementation';
import type { PropertyValue } from '../../records';
import { cypherName } from './cypherName';

/** `r.id AS id, r.subject AS subject, ...`: every stored column of a record kind under its own name (see recordFromColumns). */
export function returnRecord(kind: RecordKind, variable = 'r'): string {
  return recordColumns(kind)
    .map(({ name }) => `${variable}.${cypherName(name)} AS ${cypherName(name)}`)
    .join(', ');
}

/** `h.id AS id, h.seq AS seq, ...`: every column of a history entry under its own name (see changeFromColumns). */
export function returnChange(variable = 'h'): string {
  return ['id', ...CHANGE_FIELDS.map((f) => f.name)].map((name) => `${variable}.${cypherName(name)} AS ${cypherName(name)}`).join(', ');
}

/** Columns as a property map for `SET n = $props`: nulls left out (not stored), whole numbers as Neo4j integers (never floats). */
export function toNeo4jProperties(columns: Readonly<Record<string, PropertyValue>>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(columns)) {
    if (value === null) continue;
    props[cypherName(name)] = typeof value === 'number' ? int(value) : value;
  }
  return props;
}
