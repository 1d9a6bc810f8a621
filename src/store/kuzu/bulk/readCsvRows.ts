/** Field flags of {@link readCsvRows}: NULL (empty and unquoted), PLAIN (bytes as they are), QUOTED (`""` stands for `"`). */
export const CSV_NULL = 0;
export const CSV_PLAIN = 1;
export const CSV_QUOTED = 2;

/**
 * Splits a CSV file as Kùzu's `COPY ... TO` writes it (comma-separated, no
 * header, `"` quoting with `""` for a quote inside a field, line feeds
 * inside quoted fields) into rows of `width` fields, without decoding them:
 * for field i, `ranges[3i]` and `ranges[3i + 1]` are its byte range in
 * `data` (inside the quotes for a quoted field) and `ranges[3i + 2]` its flag
 * (CSV_NULL for Kùzu's NULL, an empty unquoted field; CSV_PLAIN; CSV_QUOTED,
 * whose `""` pairs stand for one `"`). A row with another number of fields
 * throws.
 *
 * @param onRow called once per row with the same (overwritten) array
 */
export function readCsvRows(data: Buffer, width: number, onRow: (ranges: Int32Array) => void): void {
  const QUOTE = 0x22;
  const COMMA = 0x2c;
  const LF = 0x0a;
  const ranges = new Int32Array(width * 3);
  const n = data.length;
  let i = 0;
  let field = 0;
  while (i < n) {
    if (field === width) throw new Error(`CSV row with more than ${width} fields before byte ${i}`);
    const at = field * 3;
    if (data[i] === QUOTE) {
      const start = i + 1;
      i = start;
      for (;;) {
        if (i >= n) throw new Error('CSV ends inside a quoted field');
        if (data[i] === QUOTE) {
          if (data[i + 1] === QUOTE) {
            i += 2;
            continue;
          }
          break;
        }
        i += 1;
      }
      ranges[at] = start;
      ranges[at + 1] = i;
      ranges[at + 2] = CSV_QUOTED;
      i += 1; // the closing quote
    } else {
      const start = i;
      while (i < n && data[i] !== COMMA && data[i] !== LF) i += 1;
      let end = i;
      if (end > start && data[end - 1] === 0x0d && (i >= n || data[i] === LF)) end -= 1;
      ranges[at] = start;
      ranges[at + 1] = end;
      ranges[at + 2] = end > start ? CSV_PLAIN : CSV_NULL;
    }
    field += 1;
    if (i < n && data[i] === 0x0d) i += 1;
    if (i >= n || data[i] === LF) {
      if (field !== width) throw new Error(`CSV row with ${field} fields instead of ${width} before byte ${i}`);
      onRow(ranges);
      field = 0;
      i += 1;
    } else if (data[i] === COMMA) {
      i += 1; // an empty field after it (at a line feed) is read by the next turn as NULL
    } else {
      throw new Error(`CSV has a character after a closing quote at byte ${i}`);
    }
  }
  if (field > 0) {
    // The file ends right after a comma: an empty last field, and no line feed.
    ranges.fill(n, field * 3, field * 3 + 2);
    ranges[field * 3 + 2] = CSV_NULL;
    if (field + 1 !== width) throw new Error(`CSV row with ${field + 1} fields instead of ${width} at the end`);
    onRow(ranges);
  }
}

/** The non-negative integer written in `data[start, end)`. */
export function readInteger(data: Buffer, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const digit = (data[i] as number) - 0x30;
    if (digit < 0 || digit > 9) throw new Error(`CSV field is not an integer at byte ${i}`);
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads a CSV file of two non-negative integers per row (`12,345`), as
 * Kùzu writes internal offsets, into `onPair`. Faster than readCsvRows for
 * the millions of relationship rows.
 */
export function readIntegerPairs(data: Buffer, onPair: (first: number, second: number) => void): void {
  let first = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i < data.length; i += 1) {
    const byte = data[i] as number;
    if (byte >= 0x30 && byte <= 0x39) {
      value = value * 10 + (byte - 0x30);
      digits += 1;
    } else if (byte === 0x2c) {
      first = value;
      value = 0;
      digits = 0;
    } else if (byte === 0x0a) {
      if (digits === 0) throw new Error(`CSV row without a second integer before byte ${i}`);
      onPair(first, value);
      value = 0;
      digits = 0;
    } else if (byte !== 0x0d) {
      throw new Error(`CSV of integer pairs has an unexpected byte ${byte} at ${i}`);
    }
  }
  if (digits > 0) onPair(first, value);
}
