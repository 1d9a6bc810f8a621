import { PackedBytes } from './PackedBytes';

/**
 * Node ids numbered densely in the order they are added, held as UTF-8 in
 * {@link PackedBytes} and found again through an open-addressing hash table
 * (FNV-1a over the bytes, linear probing) of typed arrays: no JavaScript
 * string or Map entry per node, so a million ids add nothing for the
 * garbage collector to trace.
 */
export class IdIndex {
  private readonly ids = new PackedBytes();
  private slots: Int32Array = new Int32Array(1024);
  private mask = 1023;

  /** Number of ids. */
  get size(): number {
    return this.ids.size;
  }

  /** The number of `id`, or undefined. */
  find(id: string): number | undefined {
    const bytes = Buffer.from(id, 'utf8');
    for (let slot = hash(bytes, 0, bytes.length) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return undefined;
      if (this.ids.equals(entry - 1, bytes)) return entry - 1;
    }
  }

  /** The number of `id`, added at the end when it is new. */
  add(id: string): number {
    // Written first as the would-be next id, so the bytes are encoded once; taken back when known.
    return this.settle(this.ids.pushText(id));
  }

  /**
   * The number of the id whose `length` UTF-8 bytes were just written at
   * the position {@link reserve} returned, added when new.
   */
  addReserved(length: number): number {
    return this.settle(this.ids.commitPush(length));
  }

  /** Makes room for an id of at most `length` bytes; returns where to write it in {@link buffer}. */
  reserve(length: number): number {
    return this.ids.reserve(length);
  }

  /** See {@link reserve}. */
  get buffer(): Buffer {
    return this.ids.buffer;
  }

  /** Keeps the id just pushed as `number` if new; else drops it and returns the existing number. */
  private settle(number: number): number {
    if ((number + 1) * 2 > this.slots.length) this.grow(number);
    const data = this.ids.buffer;
    const start = this.ids.startOf(number);
    const length = this.ids.lengthOf(number);
    for (let slot = hash(data, start, length) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) {
        this.slots[slot] = number + 1;
        return number;
      }
      if (this.ids.equals(entry - 1, data, start, length)) {
        this.ids.popLast();
        return entry - 1;
      }
    }
  }

  /** Makes room for `count` more ids of `bytes` bytes in all (before a bulk load). */
  ensureCapacity(bytes: number, count: number): void {
    this.ids.ensureCapacity(bytes, count);
    const needed = (this.ids.size + count + 1) * 2;
    if (needed > this.slots.length) {
      let size = this.slots.length;
      while (size < needed) size *= 2;
      this.slots = new Int32Array(size / 2);
      this.grow(this.ids.size);
    }
  }

  /** Drops the spare capacity kept for growth (after a bulk load). */
  trim(): void {
    this.ids.trim();
  }

  /** The id of node `number`. */
  idOf(number: number): string {
    return this.ids.text(number);
  }

  /** Bytes used by the ids and the table. */
  get byteLength(): number {
    return this.ids.byteLength + this.slots.byteLength;
  }

  /** Doubles the table, holding the first `count` ids. */
  private grow(count: number): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let number = 0; number < count; number += 1) {
      let slot = hash(this.ids.buffer, this.ids.startOf(number), this.ids.lengthOf(number)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = number + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** 32-bit FNV-1a of `bytes[start, start + length)`. */
function hash(bytes: Uint8Array, start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + length; i += 1) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}
