/**
 * An append-only list of byte strings, one per slot 0..size-1, kept in one
 * growing buffer outside the JavaScript heap (a million names cost the
 * garbage collector nothing). Setting a slot again appends the new bytes and
 * points the slot at them; the old bytes stay unused (writes to a projection
 * are rare next to its size).
 */
export class PackedBytes {
  private data: Buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private starts: Float64Array = new Float64Array(1024);
  private lengths: Int32Array = new Int32Array(1024);
  private count = 0;

  /** Number of slots. */
  get size(): number {
    return this.count;
  }

  /** Appends a slot holding `text` as UTF-8; returns its number. */
  pushText(text: string): number {
    return this.pushWith(Buffer.byteLength(text, 'utf8'), (data, at) => data.write(text, at, 'utf8'));
  }

  /** Appends a slot of `length` bytes that `write` puts at `data[at, at + length)`; returns its number. */
  pushWith(length: number, write: (data: Buffer, at: number) => void): number {
    const slot = this.count;
    if (slot === this.starts.length) {
      const starts = new Float64Array(slot * 2);
      starts.set(this.starts);
      this.starts = starts;
      const lengths = new Int32Array(slot * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.count += 1;
    this.setWith(slot, length, write);
    return slot;
  }

  /**
   * Makes room for `length` more bytes and returns where they start in
   * {@link buffer}: write them there, then call {@link commitPush}. For bulk
   * loads that copy bytes straight from a file.
   */
  reserve(length: number): number {
    if (this.used + length > this.data.length) {
      const data = Buffer.allocUnsafe(Math.max(this.data.length * 2, this.used + length));
      this.data.copy(data, 0, 0, this.used);
      this.data = data;
    }
    return this.used;
  }

  /** The buffer {@link reserve} made room in (replaced when it grows). */
  get buffer(): Buffer {
    return this.data;
  }

  /** Appends a slot holding the `length` bytes written after the last {@link reserve}; returns its number. */
  commitPush(length: number): number {
    return this.pushWith(length, () => undefined);
  }

  /** Removes the last slot and its bytes (undoes the last push). */
  popLast(): void {
    if (this.count === 0) return;
    this.count -= 1;
    this.used = this.starts[this.count] as number;
  }

  /** Points `slot` at `length` new bytes that `write` puts at `data[at, at + length)`. */
  setWith(slot: number, length: number, write: (data: Buffer, at: number) => void): void {
    if (slot >= this.count) throw new RangeError(`PackedBytes: no slot ${slot}`);
    if (this.used + length > this.data.length) {
      const data = Buffer.allocUnsafe(Math.max(this.data.length * 2, this.used + length));
      this.data.copy(data, 0, 0, this.used);
      this.data = data;
    }
    write(this.data, this.used);
    this.starts[slot] = this.used;
    this.lengths[slot] = length;
    this.used += length;
  }

  /** Drops the spare capacity kept for growth (after a bulk load). */
  trim(): void {
    if (this.data.length > this.used) {
      const data = Buffer.allocUnsafeSlow(this.used);
      this.data.copy(data, 0, 0, this.used);
      this.data = data;
    }
    if (this.starts.length > this.count) {
      this.starts = this.starts.slice(0, Math.max(this.count, 16));
      this.lengths = this.lengths.slice(0, Math.max(this.count, 16));
    }
  }

  /** Where the bytes of `slot` start in {@link buffer}. */
  startOf(slot: number): number {
    return this.starts[slot] as number;
  }

  /** How many bytes `slot` holds. */
  lengthOf(slot: number): number {
    return this.lengths[slot] as number;
  }

  /** Makes room for `bytes` more bytes and `slots` more slots at once (before a bulk load). */
  ensureCapacity(bytes: number, slots: number): void {
    this.reserve(bytes);
    if (this.count + slots > this.starts.length) {
      const size = this.count + slots;
      const starts = new Float64Array(size);
      starts.set(this.starts.subarray(0, this.count));
      this.starts = starts;
      const lengths = new Int32Array(size);
      lengths.set(this.lengths.subarray(0, this.count));
      this.lengths = lengths;
    }
  }

  /** The bytes of `slot`, as a view (valid until the next push or set). */
  view(slot: number): Buffer {
    const start = this.starts[slot] as number;
    return this.data.subarray(start, start + (this.lengths[slot] as number));
  }

  /** The bytes of `slot` decoded as UTF-8. */
  text(slot: number): string {
    const start = this.starts[slot] as number;
    return this.data.toString('utf8', start, start + (this.lengths[slot] as number));
  }

  /** True when `slot` holds exactly the bytes `source[start, start + length)`. */
  equals(slot: number, source: Uint8Array, start = 0, length = source.length): boolean {
    if ((this.lengths[slot] as number) !== length) return false;
    const own = this.starts[slot] as number;
    const data = this.data;
    for (let i = 0; i < length; i += 1) if (data[own + i] !== source[start + i]) return false;
    return true;
  }

  /** Bytes held: the data buffer (including bytes no slot points at any more) and the slot index. */
  get byteLength(): number {
    return this.data.length + this.starts.byteLength + this.lengths.byteLength;
  }
}
