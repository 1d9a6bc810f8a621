import type { PropertyType } from '../../model/kinds';

/** The Kùzu column type that stores a registry property type, spelt as Kùzu's TABLE_INFO reports it. */
export function kuzuColumnType(type: PropertyType): 'STRING' | 'INT64' | 'BOOL' {
  switch (type) {
    case 'string':
      return 'STRING';
    case 'int':
      return 'INT64';
    case 'boolean':
      return 'BOOL';
  }
}
