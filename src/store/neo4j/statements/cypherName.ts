/**
 * Returns a label, relationship type or property name for use in Cypher text.
 * Names come from the registries only; this asserts they are plain
 * identifiers so a future registry entry can never inject Cypher.
 */
export function cypherName(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new TypeError(`not a plain Cypher identifier: ${JSON.stringify(name)}`);
  return name;
}
