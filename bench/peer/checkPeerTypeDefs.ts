import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { NODE_KINDS, isNodeKind, propertiesOf, type NodeKind } from '../../src/model/kinds';
import { RELATIONSHIP_PROPERTIES, RELATIONSHIP_TYPES, RELATIONSHIPS, isRelationshipType } from '../../src/model/relationships';

/** Where the peer's type definitions live. */
export const PEER_TYPE_DEFS = path.join(__dirname, 'peerTypeDefs.graphql');

/**
 * Checks the peer's type definitions against our registries (src/model/), so
 * that the peer reads exactly the graph our adapter writes: every kind is a
 * `@node` type of the same name; its scalar fields are `id` and exactly the
 * kind's properties; every `@relationship` names a registered type, in a
 * direction and towards a kind the registry allows from this kind; every
 * relationship type is reachable from at least one field; the relationship
 * properties type holds exactly RELATIONSHIP_PROPERTIES. Returns the list of
 * problems (empty when the definitions match).
 */
export function checkPeerTypeDefs(sdl: string = fs.readFileSync(PEER_TYPE_DEFS, 'utf8')): string[] {
  const problems: string[] = [];
  const types = parse(sdl).definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
  const nodeTypes = types.filter((t) => hasDirective(t, 'node'));
  const seenTypes = new Set<string>();

  for (const type of nodeTypes) {
    const kind = type.name.value;
    if (!isNodeKind(kind)) {
      problems.push(`@node type ${kind} is not a kind of src/model/kinds.ts`);
      continue;
    }
    const scalars = (type.fields ?? []).filter((f) => !hasDirective(f, 'relationship') && !hasDirective(f, 'cypher')).map((f) => f.name.value);
    const expected = ['id', ...propertiesOf(kind).map((p) => p.name)];
    for (const name of scalars) if (!expected.includes(name)) problems.push(`${kind}.${name} is not a property of ${kind}`);
    for (const name of expected) if (!scalars.includes(name)) problems.push(`${kind} lacks the property ${name}`);
    for (const field of type.fields ?? []) {
      if (hasDirective(field, 'relationship')) problems.push(...checkRelationshipField(kind, field, seenTypes));
    }
  }
  for (const kind of NODE_KINDS) if (!nodeTypes.some((t) => t.name.value === kind)) problems.push(`kind ${kind} has no @node type`);
  for (const type of RELATIONSHIP_TYPES) if (!seenTypes.has(type)) problems.push(`relationship type ${type} has no field`);

  const propertyTypes = types.filter((t) => hasDirective(t, 'relationshipProperties'));
  for (const type of propertyTypes) {
    const fields = (type.fields ?? []).map((f) => f.name.value).sort();
    const expected = RELATIONSHIP_PROPERTIES.map((p) => p.name).sort();
    if (fields.join() !== expected.join()) problems.push(`${type.name.value} has [${fields.join(', ')}], not the relationship properties [${expected.join(', ')}]`);
  }
  return problems;
}

function checkRelationshipField(kind: NodeKind, field: FieldDefinitionNode, seenTypes: Set<string>): string[] {
  const where = `${kind}.${field.name.value}`;
  const type = stringArgument(field, 'relationship', 'type');
  const direction = enumArgument(field, 'relationship', 'direction');
  const target = namedType(field.type);
  if (type === undefined || !isRelationshipType(type)) return [`${where} names the unknown relationship type ${String(type)}`];
  if (!isNodeKind(target)) return [`${where} points at ${target}, which is not a kind`];
  seenTypes.add(type);
  const spec = RELATIONSHIPS[type];
  const [start, end] = direction === 'OUT' ? [kind, target] : [target, kind];
  const problems: string[] = [];
  if (!(spec.from as readonly string[]).includes(start)) problems.push(`${where}: ${type} does not start at ${start}`);
  if (!(spec.to as readonly string[]).includes(end)) problems.push(`${where}: ${type} does not end at ${end}`);
  if (direction !== 'OUT' && direction !== 'IN') problems.push(`${where} has direction ${String(direction)}`);
  return problems;
}

function hasDirective(node: { directives?: readonly { name: { value: string } }[] }, name: string): boolean {
  return (node.directives ?? []).some((d) => d.name.value === name);
}

function argumentValue(field: FieldDefinitionNode, directive: string, name: string) {
  return field.directives?.find((d) => d.name.value === directive)?.arguments?.find((a) => a.name.value === name)?.value;
}

function stringArgument(field: FieldDefinitionNode, directive: string, name: string): string | undefined {
  const value = argumentValue(field, directive, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function enumArgument(field: FieldDefinitionNode, directive: string, name: string): string | undefined {
  const value = argumentValue(field, directive, name);
  return value?.kind === Kind.ENUM ? value.value : undefined;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}
