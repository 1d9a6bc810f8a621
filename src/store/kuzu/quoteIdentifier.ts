/** Names the registries may contain: a letter or '_', then letters, digits and '_'. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Quotes a table, column or struct-field name for Kùzu Cypher (backticks, so
 * names such as `group` or `number` never clash with keywords). Only names
 * from the registries reach this function; anything that is not a plain
 * identifier is a programming error and throws instead of being escaped.
 */
export function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new TypeError(`not a registry identifier: ${JSON.stringify(name)}`);
  return `\`${name}\``;
}
