import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type GraphQLSchema } from 'graphql';
import { resolvers } from '../resolvers';
import { guardEntities } from './federation/guardEntities';

/** The folder of SDL files, one per area of the API. */
export const SCHEMA_DIR = path.resolve(__dirname, '..', 'schema');

/** The SDL file that makes the schema a Federation 2 subgraph (`@link`). */
export const FEDERATION_SDL_FILE = 'federation.graphql';

/** The SDL files' contents, in file-name order (the federation `@link` file only when asked for). */
export function loadTypeDefs(options: { federation: boolean }, dir: string = SCHEMA_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.graphql') && (options.federation || name !== FEDERATION_SDL_FILE))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
}

/**
 * In the plain schema the federation directives on types are declared as
 * inert markers, so the same SDL files serve both schemas.
 */
const PLAIN_PRELUDE = `
  directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
  directive @shareable repeatable on OBJECT | FIELD_DEFINITION
`;

/** Options of {@link buildSchema}. */
export interface BuildSchemaOptions {
  /**
   * true (the default): an Apollo Federation 2 subgraph schema (`_service`,
   * `_entities`), which also serves clients directly. false: the plain
   * schema, without the federation fields.
   */
  readonly federation?: boolean;
}

/**
 * Builds the executable schema from schema/*.graphql and the resolver maps.
 * The plain build also checks the resolver maps against the SDL (a resolver
 * for a field the schema lacks is an error); the tests build both.
 */
export function buildSchema(options: BuildSchemaOptions = {}): GraphQLSchema {
  if (options.federation === false) {
    return makeExecutableSchema({
      typeDefs: [PLAIN_PRELUDE, ...loadTypeDefs({ federation: false })],
      resolvers,
      resolverValidationOptions: { requireResolversToMatchSchema: 'error', requireResolversForResolveType: 'error' },
    });
  }
  return guardEntities(
    buildSubgraphSchema({
      typeDefs: parse(loadTypeDefs({ federation: true }).join('\n')),
      // The generated resolver types are stricter than the subgraph's map type; the shapes are the same.
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
  );
}
