import { propertiesOf, type NodeKind } from '../../../model/kinds';
import { cypherName } from './cypherName';

/**
 * A map projection of every registry property of `kind`, e.g.
 * `n {.name, .nameVi, ...}`: missing properties come back as null, unknown
 * stored properties are not returned.
 */
export function nodeProjection(variable: string, kind: NodeKind): string {
  return `${variable} {${propertiesOf(kind).map((p) => `.${cypherName(p.name)}`).join(', ')}}`;
}
