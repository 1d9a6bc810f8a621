import { gql, GraphQLRequestError } from '../shared/api';
import { NEIGHBOURHOOD_QUERY, RELATIONSHIPS_QUERY, type GraphEdge, type GraphNode, type Subgraph } from './queries';

interface Relationship {
  readonly type: string;
  readonly from: { readonly id: string };
  readonly to: { readonly id: string };
}

/**
 * The neighbourhood of a node: the API's `neighbourhood` (depth 1..3, at most
 * `limit` nodes) when it answers, else the node's own `relationships` (one hop,
 * cut to `limit`), so the explorer keeps working while `neighbourhood` fails.
 */
export class NeighbourhoodSource {
  private neighbourhoodWorks: boolean | undefined;

  /** `asOf`: only what is valid on that date (null: the API's default, today). */
  async around(id: string, depth: number, limit: number, asOf: string | null = null): Promise<Subgraph> {
    if (this.neighbourhoodWorks !== false) {
      try {
        const data = await gql<{ neighbourhood: { truncated: boolean; nodes: GraphNode[]; relationships: Relationship[] } }>(NEIGHBOURHOOD_QUERY, {
          ids: [id],
          depth,
          limit,
          asOf,
        });
        this.neighbourhoodWorks = true;
        const n = data.neighbourhood;
        return { nodes: n.nodes, edges: n.relationships.map((r) => ({ type: r.type, from: r.from.id, to: r.to.id })), truncated: n.truncated };
      } catch (error) {
        if (this.neighbourhoodWorks === true || !(error instanceof GraphQLRequestError)) throw error;
        this.neighbourhoodWorks = false;
      }
    }
    return this.oneHop(id, limit, asOf);
  }

  private async oneHop(id: string, limit: number, asOf: string | null): Promise<Subgraph> {
    const data = await gql<{ node: (GraphNode & { relationships: { type: string; from: GraphNode; to: GraphNode }[] }) | null }>(RELATIONSHIPS_QUERY, { id, asOf });
    if (!data.node) return { nodes: [], edges: [], truncated: false };
    const nodes = new Map<string, GraphNode>([[data.node.id, data.node]]);
    const edges: GraphEdge[] = [];
    for (const r of data.node.relationships) {
      nodes.set(r.from.id, r.from);
      nodes.set(r.to.id, r.to);
      edges.push({ type: r.type, from: r.from.id, to: r.to.id });
    }
    const list = [...nodes.values()];
    const kept = new Set(list.slice(0, limit).map((node) => node.id));
    return {
      nodes: list.filter((node) => kept.has(node.id)),
      edges: edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)),
      truncated: list.length > limit,
    };
  }
}
