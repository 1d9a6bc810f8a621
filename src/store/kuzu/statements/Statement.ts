import type { KuzuValue } from 'kuzu';

/** Statement parameters, by name (without the `$`). */
export type Params = Record<string, KuzuValue>;

/**
 * One Kùzu Cypher statement, built and not yet sent: the builders of
 * `statements/` (and the DDL of `schema/`, the COPY scripts of `bulk/`) make
 * them; only the runner of `connection/` ({@link KuzuConnection.run}) sends
 * them. Values always travel in `params`; `text` only ever holds registry
 * names (through {@link quoteIdentifier}) and fixed syntax.
 */
export interface Statement {
  /** The Cypher text, with `$name` for every value. */
  readonly text: string;
  /** Exactly the parameters the text uses. */
  readonly params: Params;
  /** What the statement is for, for error messages ("reading Task nodes"). */
  readonly doing: string;
}

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

/** A {@link Statement} from its parts (for DDL, scripts and tests: builders return the object directly). */
export function statement(text: string, params: Params = {}, doing = 'running a query'): Statement {
  return { text, params, doing };
}
