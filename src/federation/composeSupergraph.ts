import { composeServices } from '@apollo/composition';
import { parse, type DocumentNode } from 'graphql';
import { loadTypeDefs } from '../schema';

/** One subgraph to compose: its name, the URL the gateway reaches it at, and its SDL. */
export interface SubgraphDefinition {
  readonly name: string;
  readonly url: string;
  readonly typeDefs: DocumentNode;
}

/** The knowledge graph's own subgraph SDL, as the repo ships it. */
export function planSubgraphTypeDefs(): DocumentNode {
  return parse(loadTypeDefs({ federation: true }).join('\n'));
}

/** The outcome of a composition: the supergraph SDL and the hints composition gave. */
export interface Composition {
  readonly supergraphSdl: string;
  readonly hints: readonly { code: string; message: string }[];
}

/**
 * Composes subgraphs into a supergraph with Apollo's composition library.
 * Throws with every composition error listed when they do not compose.
 */
export function composeSupergraph(subgraphs: readonly SubgraphDefinition[]): Composition {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: s.typeDefs })));
  if (result.errors) {
    throw new Error(`Composition failed:\n  - ${result.errors.map((e) => e.message).join('\n  - ')}`);
  }
  return {
    supergraphSdl: result.supergraphSdl,
    hints: result.hints.map((h) => ({ code: h.definition.code, message: h.message })),
  };
}
