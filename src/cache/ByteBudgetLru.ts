/**
 * A least-recently-used map bounded by an estimate of its entries' sizes in
 * bytes, not by their number. `set` evicts the least recently used entries
 * until the new one fits; an entry larger than `maxEntryBytes` is not kept at
 * all (so one huge answer cannot flush everything else). A budget of 0 keeps
 * nothing. `get` marks the entry as most recently used.
 */
export class ByteBudgetLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private used = 0;

  /**
   * @param maxBytes the budget (a non-negative integer)
   * @param maxEntryBytes the largest single entry kept (default an eighth of the budget)
   */
  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes: number = Math.floor(maxBytes / 8),
  ) {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
  }

  /** Estimated bytes held now (keys and values). */
  get bytes(): number {
    return this.used;
  }

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Keeps `value` under `key`, `bytes` being its estimated size; returns whether it was kept. */
  set(key: string, value: V, bytes: number): boolean {
    const size = bytes + key.length * 2;
    this.delete(key);
    if (size > this.maxEntryBytes || size > this.maxBytes) return false;
    while (this.used + size > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    this.entries.set(key, { value, bytes: size });
    this.used += size;
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}
