import { z } from 'zod';
import { KIND_PROPERTIES, type NodeKind, type PropertySpec } from '../src/model/kinds';
import { RELATIONSHIP_TYPES } from '../src/model/relationships';

/**
 * The schema every seed file is validated against (see seed/FORMAT.md).
 * Per-kind `props` schemas are derived from the kind registry, so a property
 * the registry does not declare, or a value of the wrong type, is rejected.
 */

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const provenanceSchema = z
  .object({
    document: nonEmpty,
    clause: nonEmpty,
    quote: nonEmpty.optional(),
  })
  .strict();

/** Properties computed by the loader; a seed file may not set them. */
const COMPUTED_PROPERTIES = new Set(['searchText', 'numberKey', 'synthetic']);

function propertySchema(spec: PropertySpec): z.ZodTypeAny {
  if (spec.values) return z.enum(spec.values as [string, ...string[]]);
  switch (spec.type) {
    case 'string':
      return nonEmpty;
    case 'int':
      return z.number().int('must be an integer').safe();
    case 'boolean':
      return z.boolean();
  }
}

function propsSchemaOf(kind: NodeKind) {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const spec of KIND_PROPERTIES[kind] as readonly PropertySpec[]) {
    if (!COMPUTED_PROPERTIES.has(spec.name)) shape[spec.name] = propertySchema(spec).optional();
  }
  return z.object(shape).strict();
}

/** The `props` schema of each kind. */
export const PROPS_SCHEMAS = {} as Record<NodeKind, z.ZodTypeAny>;
for (const kind of Object.keys(KIND_PROPERTIES) as NodeKind[]) PROPS_SCHEMAS[kind] = propsSchemaOf(kind);

export const nodeEntrySchema = z
  .object({
    id: nonEmpty,
    name: nonEmpty,
    nameVi: nonEmpty.optional(),
    description: nonEmpty.optional(),
    source: provenanceSchema,
    props: z.record(z.unknown()).optional(),
  })
  .strict();

export const relationshipEntrySchema = z
  .object({
    type: z.enum(RELATIONSHIP_TYPES as [string, ...string[]]),
    from: nonEmpty,
    to: nonEmpty,
    source: provenanceSchema,
    note: nonEmpty.optional(),
    ordinal: z.number().int().safe().optional(),
  })
  .strict();

export const seedFileSchema = z
  .object({
    nodes: z.array(z.unknown()).optional(),
    relationships: z.array(z.unknown()).optional(),
  })
  .strict();

export type NodeEntry = z.infer<typeof nodeEntrySchema>;
export type RelationshipEntry = z.infer<typeof relationshipEntrySchema>;

/** Formats zod issues as "field: message" lines. */
export function describeIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    return `${field || '(entry)'}: ${issue.message}${keys}`;
  });
}
