/**
 * One Cypher statement the adapter sends: a stable name (for logs and the
 * validator test), its text and its parameters. Labels, relationship types
 * and property names in `cypher` come only from the registries; every value
 * travels as a parameter.
 */
export interface Neo4jStatement {
  readonly name: string;
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
}
