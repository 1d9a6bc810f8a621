import type { KuzuValue } from 'kuzu';

/** The Kùzu type a JavaScript parameter value is converted to. */
type Shape =
  | { readonly t: 'string' | 'int' | 'boolean' }
  | { readonly t: 'list'; readonly of: Shape }
  | { readonly t: 'struct'; readonly fields: readonly (readonly [string, Shape])[] };

/**
 * Last line of defence before parameters reach Kùzu's native binding, which
 * infers the type of a list from its FIRST element and crashes the process
 * (or silently corrupts values) on lists whose elements differ in shape. It
 * throws a TypeError (a bug in the adapter, never user input: inputs are
 * normalised before) unless every value is
 * - a string, a boolean or a safe integer (doubles are never sent);
 * - a non-empty list whose first element is not null and whose other
 *   elements are null or have exactly the first element's shape;
 * - a non-empty struct (plain object) with no null field where its type is
 *   inferred (top level or the first element of a list);
 * and no parameter is null, undefined or a bigint.
 */
export function assertSafeParameters(params: Readonly<Record<string, KuzuValue>>): void {
  for (const [name, value] of Object.entries(params)) shapeOf(value, `$${name}`);
}

function shapeOf(value: unknown, at: string): Shape {
  if (typeof value === 'string') return { t: 'string' };
  if (typeof value === 'boolean') return { t: 'boolean' };
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw unsafe(at, `${value} is not a safe integer`);
    return { t: 'int' };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw unsafe(at, 'an empty list');
    const of = shapeOf(value[0], `${at}[0]`);
    for (let i = 1; i < value.length; i += 1) conform(value[i], of, `${at}[${i}]`);
    return { t: 'list', of };
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) throw unsafe(at, 'an empty struct');
    return { t: 'struct', fields: keys.map((key) => [key, shapeOf(value[key], `${at}.${key}`)] as const) };
  }
  throw unsafe(at, value === null ? 'null where Kùzu infers the type' : `a value of type ${typeof value}`);
}

function conform(value: unknown, shape: Shape, at: string): void {
  if (value === null) return;
  if (shape.t === 'list') {
    if (!Array.isArray(value) || value.length === 0 || value[0] === null) {
      throw unsafe(at, 'not a non-empty list, starting with a value, like the first element');
    }
    value.forEach((item, i) => conform(item, shape.of, `${at}[${i}]`));
    return;
  }
  if (shape.t === 'struct') {
    if (!isPlainObject(value)) throw unsafe(at, 'not a struct like the first element');
    const keys = Object.keys(value);
    if (keys.length !== shape.fields.length || shape.fields.some(([key], i) => keys[i] !== key)) {
      throw unsafe(at, `keys ${keys.join(',')} differ from the first element's ${shape.fields.map(([k]) => k).join(',')}`);
    }
    for (const [key, field] of shape.fields) conform(value[key], field, `${at}.${key}`);
    return;
  }
  const actual = shapeOf(value, at);
  if (actual.t !== shape.t) throw unsafe(at, `a ${actual.t} where the first element has a ${shape.t}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function unsafe(at: string, what: string): TypeError {
  return new TypeError(`unsafe Kùzu parameter ${at}: ${what}`);
}
