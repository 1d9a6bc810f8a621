import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { composeSupergraph, type SubgraphDefinition } from './composeSupergraph';

/**
 * An Apollo Gateway in front of `subgraphs`, serving the supergraph composed
 * locally with @apollo/composition (no registry, no network beyond the
 * subgraphs' own URLs).
 */
export function createGateway(subgraphs: readonly SubgraphDefinition[]): ApolloServer {
  const { supergraphSdl } = composeSupergraph(subgraphs);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url }),
  });
  // @apollo/gateway 2.14 implements the gateway interface Apollo Server 5 expects; only the declared package versions differ.
  return new ApolloServer({ gateway: gateway as unknown as GatewayInterface });
}
