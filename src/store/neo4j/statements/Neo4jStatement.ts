/**
 * One Cypher statement the adapter sends, as the builders of statements/
 * return it: a stable name (for logs and the validator test), its text and
 * its parameters. Labels, relationship types and property names in `text`
 * come only from the registries; every value travels as a parameter.
 * Builders never run anything; the runner in connection/ sends statements.
 */
export interface Neo4jStatement {
  readonly name: string;
  readonly text: string;
  readonly params: Readonly<Record<string, unknown>>;
}
