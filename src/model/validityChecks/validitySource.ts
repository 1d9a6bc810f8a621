/**
 * The source of a validity date (`validFromSource` / `validToSource`, see
 * VALIDITY_PROPERTIES in src/model/kinds.ts): who started or ended a node or
 * relationship, with the sentence that says so. Stored as JSON text, one
 * value, keys in this order. (Reads for the API parse it leniently, see
 * src/model/validity.ts; the seed writes and checks it strictly here.)
 */
export interface ValiditySourceText {
  /** Number of the act that carries the change, e.g. "01/NQ-HĐND". */
  readonly document?: string;
  /** Clause of that act, when known. */
  readonly clause?: string;
  /** The page the quote was read in. */
  readonly url?: string;
  /** The sentence, verbatim. */
  readonly quote: string;
  /** Id of the later fact it comes from (seed/sources/later-facts.json). */
  readonly factId?: string;
}

const KEYS = ['document', 'clause', 'url', 'quote', 'factId'] as const;

/** The JSON text of a source, keys in a fixed order (so the same source is always the same text). */
export function formatValiditySource(source: ValiditySourceText): string {
  const ordered: Record<string, string> = {};
  for (const key of KEYS) {
    const value = source[key];
    if (value !== undefined) ordered[key] = value;
  }
  return JSON.stringify(ordered);
}

/**
 * Reads the JSON text of a source. Returns the source, or why it is not one:
 * not JSON, not an object, a key outside document/clause/url/quote/factId, a
 * value that is not a non-empty string, no quote, or neither document nor url.
 */
export function checkValiditySource(text: unknown): ValiditySourceText | string {
  if (typeof text !== 'string') return 'not a string';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const bag = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(bag)) {
    if (!(KEYS as readonly string[]).includes(key)) return `has the key "${key}" (allowed: ${KEYS.join(', ')})`;
    if (typeof v !== 'string' || v.trim() === '') return `"${key}" is not a non-empty string`;
  }
  if (bag.quote === undefined) return 'has no quote';
  if (bag.document === undefined && bag.url === undefined) return 'names neither a document nor a url';
  return bag as unknown as ValiditySourceText;
}
