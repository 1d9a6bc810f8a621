import { RELATIONSHIP_PROPERTIES } from '../../../model/relationships';
import { cypherName } from './cypherName';

/** A map projection of every registry relationship property, e.g. `e {.sourceDocument, ..., .ordinal}`. */
export function edgeProjection(variable: string): string {
  return `${variable} {${RELATIONSHIP_PROPERTIES.map((p) => `.${cypherName(p.name)}`).join(', ')}}`;
}
