import { NODE_KINDS, propertiesOf, type NodeKind } from '../../../model/kinds';
import { RELATIONSHIP_PROPERTIES } from '../../../model/relationships';
import { cypherName } from './cypherName';

/**
 * A map projection of every registry property of `kind`, e.g.
 * `n {.name, .nameVi, ...}`: missing properties come back as null, unknown
 * stored properties are not returned.
 */
export function nodeProjection(variable: string, kind: NodeKind): string {
  return `${variable} {${propertiesOf(kind).map((p) => `.${cypherName(p.name)}`).join(', ')}}`;
}

/**
 * A map projection of every registry property of every kind, e.g.
 * `n {.name, .nameVi, ..., .fundingType}`, for a node whose kind is only
 * known from its label once read (search hits, path nodes, neighbourhoods):
 * the reader keeps the properties of the node's kind (see
 * readLabelledNode in records/). Unknown stored properties are not returned.
 */
export function anyNodeProjection(variable: string): string {
  const names = [...new Set(NODE_KINDS.flatMap((kind) => propertiesOf(kind).map((p) => p.name)))];
  return `${variable} {${names.map((name) => `.${cypherName(name)}`).join(', ')}}`;
}

/** A map projection of every registry relationship property, e.g. `e {.sourceDocument, ..., .ordinal}`. */
export function edgeProjection(variable: string): string {
  return `${variable} {${RELATIONSHIP_PROPERTIES.map((p) => `.${cypherName(p.name)}`).join(', ')}}`;
}
