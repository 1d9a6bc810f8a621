import { isNodeKind, type NodeKind } from './kinds';

/**
 * Global ids are readable and stable: `<Kind>:<key>`, e.g.
 * `Agency:dn-skhcn` or `Task:dn-202-2019.pl-ii-2-a`. The kind prefix is a
 * GraphQL type name from the fixed registry; the key is lower-case ASCII
 * letters, digits, '.', '_' and '-', 1 to 120 characters.
 */
const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,119}$/;

/** The parts of a well-formed global id. */
export interface ParsedId {
  readonly kind: NodeKind;
  readonly key: string;
}

/**
 * Parses a global id. Returns the reason it is malformed as a string when it
 * is not well-formed (the caller turns that into BAD_USER_INPUT).
 */
export function parseId(id: string): ParsedId | string {
  if (typeof id !== 'string') return 'an id must be a string';
  const colon = id.indexOf(':');
  if (colon <= 0) return `"${preview(id)}" is not a global id of the form Kind:key`;
  const kind = id.slice(0, colon);
  const key = id.slice(colon + 1);
  if (!isNodeKind(kind)) return `"${preview(id)}" names no known kind ("${preview(kind)}")`;
  if (!KEY_PATTERN.test(key)) {
    return `"${preview(id)}" has a malformed key (lower-case letters, digits, '.', '_', '-'; at most 120)`;
  }
  return { kind, key };
}

/** The kind of a well-formed id; throws on a malformed one (use on trusted ids only). */
export function kindOfId(id: string): NodeKind {
  const parsed = parseId(id);
  if (typeof parsed === 'string') throw new TypeError(parsed);
  return parsed.kind;
}

/** Builds a global id from a kind and a key. */
export function makeId(kind: NodeKind, key: string): string {
  return `${kind}:${key}`;
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
