/**
 * Reading the validity of a node or a relationship (VALIDITY_PROPERTIES in
 * kinds.ts): the half-open interval [validFrom, validTo) of calendar dates
 * `YYYY-MM-DD` and the sources that started and ended it. Dates written
 * `YYYY-MM-DD` compare as text.
 */

/** Where a validity date comes from: the JSON text stored in `validFromSource` / `validToSource`. */
export interface ValiditySource {
  readonly document: string | null;
  readonly clause: string | null;
  readonly url: string | null;
  readonly quote: string;
  readonly factId: string | null;
}

/** When something holds, and who says so. */
export interface Validity {
  readonly from: string | null;
  readonly to: string | null;
  readonly fromSource: ValiditySource | null;
  readonly toSource: ValiditySource | null;
}

/** A property bag of a node or a relationship (the store's Properties). */
type Props = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Parses a stored source. A value that is not a JSON object with a quote
 * (text written by hand, say) is kept as the quote itself, so nothing a
 * source says is dropped; absent is null.
 */
export function parseValiditySource(value: unknown): ValiditySource | null {
  const raw = text(value);
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { document: null, clause: null, url: null, quote: raw, factId: null };
  }
  const o = parsed as Record<string, unknown>;
  return { document: text(o.document), clause: text(o.clause), url: text(o.url), quote: text(o.quote) ?? '', factId: text(o.factId) };
}

/** The validity of a record from its properties (all four absent: open on both sides, no sources). */
export function validityOf(props: Props): Validity {
  return {
    from: text(props.validFrom),
    to: text(props.validTo),
    fromSource: parseValiditySource(props.validFromSource),
    toSource: parseValiditySource(props.validToSource),
  };
}

/** True when the record holds on `date`: validFrom absent or <= date, and validTo absent or > date. */
export function holdsOn(props: Props, date: string): boolean {
  const from = text(props.validFrom);
  const to = text(props.validTo);
  return (from === null || from <= date) && (to === null || to > date);
}

/** True when the record has started by `date` (validFrom absent or <= date), whether or not it has ended since. */
export function startedBy(props: Props, date: string): boolean {
  const from = text(props.validFrom);
  return from === null || from <= date;
}

/** True when the record has ended by `date` (validTo present and <= date). */
export function endedBy(props: Props, date: string): boolean {
  const to = text(props.validTo);
  return to !== null && to <= date;
}
