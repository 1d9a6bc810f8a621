import { RELATIONSHIP_PROPERTIES, type RelationshipType } from '../../../model/relationships';
import type { EdgeRecord } from '../../port';
import { readProps } from './readNodeRecord';

/** An {@link EdgeRecord} from its type, endpoint ids and a map projection of the relationship's properties. */
export function readEdgeRecord(type: RelationshipType, from: string, to: string, projection: unknown): EdgeRecord {
  return { type, from, to, props: readProps(RELATIONSHIP_PROPERTIES, projection, describeEdge({ type, from, to })) };
}

/** `TYPE from -> to`, as error messages name a relationship. */
export function describeEdge(edge: Pick<EdgeRecord, 'type' | 'from' | 'to'>): string {
  return `${String(edge.type)} ${String(edge.from)} -> ${String(edge.to)}`;
}
