import { compareCodePoints } from './compareCodePoints';
import type { ValidityChange, ValidityChangeKind } from './records';

/** Where a page of validity changes ends: the date, the record's key and the side of its last change. */
export interface ValidityPosition {
  readonly date: string;
  readonly key: string;
  readonly change: ValidityChangeKind;
}

/** The key validity changes are ordered by after their date: a node's id, a relationship's `from type to` (ids hold no space). */
export function validityKey(change: Pick<ValidityChange, 'node' | 'edge'>): string {
  if (change.node) return change.node.id;
  if (change.edge) return `${change.edge.from} ${change.edge.type} ${change.edge.to}`;
  throw new TypeError('a validity change without a node or a relationship');
}

/** The cursor of a change (opaque to callers: base64url of its position), to ask for the changes after it. */
export function validityCursor(change: ValidityChange): string {
  return Buffer.from(JSON.stringify([change.date, validityKey(change), change.change]), 'utf8').toString('base64url');
}

/** The position a cursor stands for, or undefined when it is not one {@link validityCursor} makes. */
export function readValidityCursor(cursor: string): ValidityPosition | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [date, key, change] = value as unknown[];
    if (typeof date !== 'string' || typeof key !== 'string' || (change !== 'STARTS' && change !== 'ENDS')) return undefined;
    if (validityCursor({ date, change, node: { id: key, kind: 'Task', props: {} } }) !== cursor) return undefined;
    return { date, key, change };
  } catch {
    return undefined;
  }
}

/** Orders two positions: by date, then key, then ENDS before STARTS (strings by code point). */
export function comparePositions(x: ValidityPosition, y: ValidityPosition): number {
  for (const [a, b] of [
    [x.date, y.date],
    [x.key, y.key],
    [x.change, y.change],
  ] as const) {
    if (a !== b) return compareCodePoints(a, b);
  }
  return 0;
}

/** Sorts changes in place by date, key, then ENDS before STARTS (the order of listValidityChanges). */
export function sortChanges(changes: ValidityChange[]): ValidityChange[] {
  const keyed = changes.map((change) => ({ change, position: { date: change.date, key: validityKey(change), change: change.change } }));
  keyed.sort((x, y) => comparePositions(x.position, y.position));
  keyed.forEach(({ change }, i) => (changes[i] = change));
  return changes;
}
