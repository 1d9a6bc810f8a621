import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Database } from 'kuzu';
import { KuzuConnection } from '../connection/KuzuConnection';
import { statement } from '../statements/Statement';
import { CSV_NULL, CSV_PLAIN, CSV_QUOTED, readCsvRows, readInteger, readIntegerPairs } from './readCsvRows';

/** Every row of `csv` (as text or bytes) decoded: null for CSV_NULL, quoted fields with `""` undone. */
function decode(csv: string | Buffer, width: number): (string | null)[][] {
  const data = typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv;
  const rows: (string | null)[][] = [];
  readCsvRows(data, width, (ranges) => {
    const row: (string | null)[] = [];
    for (let i = 0; i < width; i += 1) {
      const [start, end, flag] = [ranges[3 * i] as number, ranges[3 * i + 1] as number, ranges[3 * i + 2] as number];
      if (flag === CSV_NULL) {
        expect(end).toBe(start);
        row.push(null);
      } else {
        const text = data.toString('utf8', start, end);
        row.push(flag === CSV_QUOTED ? text.replaceAll('""', '"') : text);
      }
    }
    rows.push(row);
  });
  return rows;
}

/** The flags of each row of `csv`. */
function flags(csv: string, width: number): number[][] {
  const rows: number[][] = [];
  readCsvRows(Buffer.from(csv, 'utf8'), width, (ranges) => rows.push(Array.from({ length: width }, (_, i) => ranges[3 * i + 2] as number)));
  return rows;
}

function pairs(csv: string): [number, number][] {
  const out: [number, number][] = [];
  readIntegerPairs(Buffer.from(csv, 'utf8'), (a, b) => out.push([a, b]));
  return out;
}

describe('readCsvRows on what Kùzu COPY TO writes', () => {
  let directory: string;
  let database: Database;
  let connection: KuzuConnection;

  /** Strings that need quoting, or look like they might, and the two ways to have no text. */
  const VALUES: (string | null)[] = [
    'plain',
    'a,b',
    'say "hi"',
    '"',
    '""',
    '"quoted at both ends"',
    ',',
    ',,,',
    'line one\nline two',
    '\n',
    'ends with a line feed\n',
    'carriage\rreturn',
    '\r',
    'ends with CR\r',
    'CRLF\r\ninside',
    'tab\there',
    '\t',
    ' leading and trailing spaces ',
    'back\\slash',
    "it's",
    'Đà Nẵng, Việt Nam: "Sở Khoa học và Công nghệ"',
    'Kiểm định, hiệu chuẩn, thử nghiệm phương tiện đo',
    '😀 astral',
    'NULL',
    null,
    '',
  ];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'kuzu-csv-'));
    database = new Database(join(directory, 'db.kuzu'), 128 * 1024 * 1024);
    await database.init();
    const raw = new Connection(database);
    await raw.init();
    connection = new KuzuConnection(raw);
    await connection.run(statement('CREATE NODE TABLE T(id STRING PRIMARY KEY, n INT64, a STRING, b STRING)'));
    await connection.run(statement('CREATE REL TABLE R(FROM T TO T)'));
  });

  afterAll(async () => {
    await connection?.close();
    await database?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** Runs `COPY (query) TO <file> (header = false)` and returns the file's bytes. */
  async function copyTo(query: string): Promise<Buffer> {
    const file = join(directory, `out-${Math.random().toString(36).slice(2)}.csv`);
    await connection.runScript(statement(`COPY (${query}) TO '${file}' (header = false)`));
    const data = readFileSync(file);
    rmSync(file);
    return data;
  }

  it('gives back every string exactly, null as null and the empty string as ""', async () => {
    // Row i: a = VALUES[i], b = VALUES[the mirror of i], so every value is also the last field of a line; the id is one of them too.
    const rows = VALUES.map((a, i) => ({ id: `id ${i}: ${a ?? ''}`, n: i, a, b: VALUES[VALUES.length - 1 - i] ?? null }));
    for (const { id, n, a, b } of rows) {
      // Null parameters are refused before Kùzu (see assertSafeParameters): a null property is left out.
      const given = { id, n, ...(a === null ? {} : { a }), ...(b === null ? {} : { b }) };
      await connection.run(statement(`CREATE (:T {${Object.keys(given).map((key) => `${key}: $${key}`).join(', ')}})`, given));
    }
    const data = await copyTo('MATCH (t:T) RETURN t.n, t.id, t.a, t.b ORDER BY t.n');
    expect(decode(data, 4)).toEqual(rows.map((row) => [String(row.n), row.id, row.a, row.b]));
  });

  it('flags what Kùzu writes: NULL as an empty unquoted field, "" quoted, text without specials plain', async () => {
    const data = await copyTo("MATCH (t:T) WHERE t.n < 2 OR t.a IS NULL OR t.a = '' RETURN t.a, t.b ORDER BY t.n");
    const seen: number[][] = [];
    readCsvRows(data, 2, (ranges) => seen.push([ranges[2] as number, ranges[5] as number]));
    const flagOf = (value: string | null | undefined): number => (value === null ? CSV_NULL : value === 'plain' ? CSV_PLAIN : CSV_QUOTED);
    const chosen = VALUES.map((a, i) => [a, VALUES[VALUES.length - 1 - i]] as const).filter(([a], i) => i < 2 || a === null || a === '');
    expect(seen).toEqual(chosen.map(([a, b]) => [flagOf(a), flagOf(b)]));
  });

  it('reads the internal offsets of relationships as integer pairs', async () => {
    await connection.run(statement('MATCH (a:T), (b:T) WHERE b.n = (a.n * 7 + 3) % $count CREATE (a)-[:R]->(b)', { count: VALUES.length }));
    const listed = await connection.run(statement('MATCH (a:T)-[:R]->(b:T) RETURN offset(id(a)) AS x, offset(id(b)) AS y ORDER BY x, y'));
    const expected = listed.map((row) => [Number(row.x), Number(row.y)]);
    expect(expected).toHaveLength(VALUES.length);
    const data = await copyTo('MATCH (a:T)-[:R]->(b:T) RETURN offset(id(a)), offset(id(b)) ORDER BY offset(id(a)), offset(id(b))');
    const read: number[][] = [];
    readIntegerPairs(data, (a, b) => read.push([a, b]));
    expect(read).toEqual(expected);
  });
});

describe('readCsvRows', () => {
  it('reads rows with or without a final line feed, and CRLF line ends', () => {
    expect(decode('a,b\nc,d\n', 2)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(decode('a,b\nc,d', 2)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(decode('a,b\r\n"c",d\r\n', 2)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(decode('a,"b"\r\n', 2)).toEqual([['a', 'b']]);
    expect(decode('', 2)).toEqual([]);
  });

  it('reads empty unquoted fields as NULL wherever they are, and quoted empty ones as ""', () => {
    expect(decode(',,\n', 3)).toEqual([[null, null, null]]);
    expect(decode('a,,\n,,b\n', 3)).toEqual([['a', null, null], [null, null, 'b']]);
    expect(decode('"",x,""\n', 3)).toEqual([['', 'x', '']]);
    expect(flags('"",x,\n', 3)).toEqual([[CSV_QUOTED, CSV_PLAIN, CSV_NULL]]);
    // A file ending right after a comma: an empty last field.
    expect(decode('a,', 2)).toEqual([['a', null]]);
    // One column: an empty line is a row holding NULL.
    expect(decode('a\n\n""\n', 1)).toEqual([['a'], [null], ['']]);
  });

  it('keeps line feeds, CR, commas and doubled quotes inside quoted fields', () => {
    expect(decode('"a\nb","c\r\nd"\n"e,""f""",g\n', 2)).toEqual([['a\nb', 'c\r\nd'], ['e,"f"', 'g']]);
    expect(decode('"""",""""""\n', 2)).toEqual([['"', '""']]);
  });

  it('refuses a row with another number of fields, naming the counts', () => {
    expect(() => decode('a,b\nc\n', 2)).toThrow(/1 fields instead of 2/);
    expect(() => decode('a,b,c\n', 2)).toThrow(/more than 2 fields/);
    expect(() => decode('a,b,\n', 2)).toThrow(/more than 2 fields/);
    expect(() => decode('a', 2)).toThrow(/1 fields instead of 2/);
    expect(() => decode('a,b,', 2)).toThrow(/3 fields instead of 2 at the end/);
    expect(() => decode('a,', 3)).toThrow(/2 fields instead of 3 at the end/);
  });

  it('refuses text after a closing quote', () => {
    expect(() => decode('"a"b,c\n', 2)).toThrow(/character after a closing quote at byte 3/);
    expect(() => decode('x,"a" \n', 2)).toThrow(/after a closing quote/);
  });

  it('refuses a quoted field that never ends', () => {
    expect(() => decode('a,"b\n', 2)).toThrow(/ends inside a quoted field/);
    expect(() => decode('a,"b""\n', 2)).toThrow(/ends inside a quoted field/);
    expect(() => decode('a,"b""', 2)).toThrow(/ends inside a quoted field/);
    expect(() => decode('"', 1)).toThrow(/ends inside a quoted field/);
  });
});

describe('readInteger and readIntegerPairs', () => {
  it('reads a non-negative integer from a byte range, refusing anything else', () => {
    const data = Buffer.from('x,1234567,-5');
    expect(readInteger(data, 2, 9)).toBe(1234567);
    expect(readInteger(data, 2, 2)).toBe(0);
    expect(() => readInteger(data, 0, 3)).toThrow(/not an integer at byte 0/);
    expect(() => readInteger(data, 10, 12)).toThrow(/not an integer at byte 10/);
  });

  it('reads pairs with LF or CRLF line ends, with or without a final line feed', () => {
    expect(pairs('0,1\n12,345\n9007199254740991,7\n')).toEqual([[0, 1], [12, 345], [9007199254740991, 7]]);
    expect(pairs('3,4\r\n5,6\r\n')).toEqual([[3, 4], [5, 6]]);
    expect(pairs('3,4\n5,6')).toEqual([[3, 4], [5, 6]]);
    expect(pairs('')).toEqual([]);
  });

  it('refuses a row without a second integer and bytes that are not digits', () => {
    expect(() => pairs('1,2\n3,\n')).toThrow(/without a second integer before byte 6/);
    expect(() => pairs('1,2\n\n')).toThrow(/without a second integer/);
    expect(() => pairs('1,-2\n')).toThrow(/unexpected byte 45 at 2/);
    expect(() => pairs('1, 2\n')).toThrow(/unexpected byte 32/);
    expect(() => pairs('"1","2"\n')).toThrow(/unexpected byte 34 at 0/);
  });
});
