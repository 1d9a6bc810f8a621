/** Bytes assumed for an object or array header, and for a number, boolean or null slot. */
const OBJECT_BYTES = 64;
const SLOT_BYTES = 16;

/**
 * A rough estimate of the heap bytes a JSON-like value holds (strings at two
 * bytes a character, a fixed cost per object, array and slot). Used to bound
 * caches in bytes; it need not be exact, only proportional. Values must be
 * trees (records and lists of records), not cyclic graphs.
 */
export function estimateBytes(value: unknown): number {
  if (typeof value === 'string') return SLOT_BYTES + value.length * 2;
  if (value === null || typeof value !== 'object') return SLOT_BYTES;
  let bytes = OBJECT_BYTES;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) bytes += estimateBytes(item);
    return bytes;
  }
  for (const [key, item] of Object.entries(value)) bytes += key.length * 2 + estimateBytes(item);
  return bytes;
}
