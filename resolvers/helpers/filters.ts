import { foldDocumentNumber, foldText } from '../../src/model/text';
import type { PropertyCondition, PropertyValue, SortKey } from '../../src/store/port';
import { requireId, requireText } from './arguments';

/**
 * Turns GraphQL filter and order arguments into store conditions. Property
 * names come from fixed tables here, never from user text.
 */

/** Collects conditions; `matchesNothing` is set when a filter can match no row (an empty list). */
export class ConditionBuilder {
  readonly conditions: PropertyCondition[] = [];
  matchesNothing = false;

  /** Text filter on the folded name (English and Vietnamese, with or without diacritics). */
  name(filter: { contains: string } | null | undefined): this {
    if (filter) this.conditions.push({ property: 'searchText', contains: foldText(requireText(filter.contains, 'filter.name.contains')) });
    return this;
  }

  /** `property` equals `value`, when the value is given. */
  eq(property: string, value: PropertyValue | undefined): this {
    if (value !== undefined && value !== null) this.conditions.push({ property, eq: value });
    return this;
  }

  /** `property` is one of `values`, when a list is given; an empty list matches nothing. */
  oneOf(property: string, values: readonly (string | number)[] | null | undefined): this {
    if (values) {
      if (values.length === 0) this.matchesNothing = true;
      else this.conditions.push({ property, in: [...new Set(values)] });
    }
    return this;
  }

  /** `property` is at most `value`, when given. */
  atMost(property: string, value: number | null | undefined): this {
    if (value !== undefined && value !== null) this.conditions.push({ property, lte: value });
    return this;
  }

  /** `planId` equals the (checked) plan id argument. */
  plan(id: string | null | undefined, argument: string): this {
    if (id) {
      const parsed = requireId(id, argument);
      if (parsed.kind !== 'Plan') this.matchesNothing = true;
      else this.conditions.push({ property: 'planId', eq: id });
    }
    return this;
  }

  /** The document number, folded however it is typed. */
  documentNumber(number: string | null | undefined): this {
    if (number !== undefined && number !== null) {
      this.conditions.push({ property: 'numberKey', eq: foldDocumentNumber(requireText(number, 'filter.number')) });
    }
    return this;
  }
}

/** Maps GraphQL order arguments to store sort keys through a fixed field -> property table. */
export function toSortKeys<F extends string>(
  orderBy: readonly { field: F; direction?: 'ASC' | 'DESC' | null }[] | null | undefined,
  properties: Readonly<Record<F, string>>,
  fallback: readonly SortKey[],
): readonly SortKey[] {
  if (!orderBy || orderBy.length === 0) return fallback;
  return orderBy.map((o) => ({ property: properties[o.field], direction: o.direction ?? 'ASC' }));
}
