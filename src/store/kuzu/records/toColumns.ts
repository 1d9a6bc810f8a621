import type { Columns } from '../../changes/fromColumns';
import type { PropertyValue } from '../../records';
import type { Row } from '../connection/KuzuConnection';
import { toPropertyValue } from './toPropertyValue';

/** A Kùzu row as port values, column by column (see toPropertyValue); `what` names the row in messages. */
export function toColumns(row: Row, what: string): Columns {
  const columns: Record<string, PropertyValue> = {};
  for (const [name, value] of Object.entries(row)) columns[name] = toPropertyValue(value, `${what}.${name}`);
  return columns;
}
