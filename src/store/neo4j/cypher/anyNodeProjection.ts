import { NODE_KINDS, propertiesOf } from '../../../model/kinds';
import { cypherName } from './cypherName';

/**
 * A map projection of every registry property of every kind, e.g.
 * `n {.name, .nameVi, ..., .fundingType}`, for a node whose kind is only
 * known from its label once read (search hits, path nodes, neighbourhoods):
 * the reader keeps the properties of the node's kind (see
 * {@link readLabelledNode}). Unknown stored properties are not returned.
 */
export function anyNodeProjection(variable: string): string {
  const names = [...new Set(NODE_KINDS.flatMap((kind) => propertiesOf(kind).map((p) => p.name)))];
  return `${variable} {${names.map((name) => `.${cypherName(name)}`).join(', ')}}`;
}
