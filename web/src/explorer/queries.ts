/** The operations the graph explorer sends: nothing but the public GraphQL API. */

/** Where the explorer starts when the URL names no node: Decision 202/QĐ-UBND. */
export const START_ID = 'LegalDocument:dn-202-qd-ubnd-2019';

/** What a node on the canvas carries: its summary (the fields a short label is made of). */
const GRAPH_NODE = `id __typename name nameVi
  ... on Agency { abbreviation }
  ... on LegalDocument { number }
  ... on Task { code }
  ... on Objective { code }`;

const PROVENANCE = 'source { document clause quote }';

export interface GraphNode {
  readonly id: string;
  readonly __typename: string;
  readonly name: string;
  readonly nameVi: string | null;
  readonly abbreviation?: string | null;
  readonly number?: string | null;
  readonly code?: string | null;
}

export interface Provenance {
  readonly document: string;
  readonly clause: string;
  readonly quote: string | null;
}

export interface GraphEdge {
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

export interface Subgraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly truncated: boolean;
}

export const NEIGHBOURHOOD_QUERY = `query ExplorerNeighbourhood($ids: [ID!]!, $depth: Int, $limit: Int, $asOf: String) {
  neighbourhood(ids: $ids, depth: $depth, limit: $limit, asOf: $asOf) {
    truncated
    nodes { ${GRAPH_NODE} }
    relationships { type from { id } to { id } }
  }
}`;

/** Used while `neighbourhood` is unavailable: the node's own relationships (one hop). */
export const RELATIONSHIPS_QUERY = `query ExplorerRelationships($id: ID!, $asOf: String) {
  node(id: $id) {
    ${GRAPH_NODE}
    relationships(asOf: $asOf) {
      type
      from { ${GRAPH_NODE} }
      to { ${GRAPH_NODE} }
    }
  }
}`;

export const NODE_DETAILS_QUERY = `query ExplorerNode($id: ID!) {
  node(id: $id) {
    ${GRAPH_NODE}
    description
    ${PROVENANCE}
  }
}`;

export interface NodeDetails extends GraphNode {
  readonly description: string | null;
  readonly source: Provenance;
}

export const PATHS_QUERY = `query ExplorerPaths($from: ID!, $to: ID!, $asOf: String) {
  paths(from: $from, to: $to, mode: SHORTEST, maxDepth: 6, first: 5, asOf: $asOf) {
    length
    nodes { ${GRAPH_NODE} }
    steps {
      forward
      sentence
      from { id }
      to { id }
      relationship { type from { id } to { id } ${PROVENANCE} }
    }
  }
}`;

export interface PathStep {
  readonly forward: boolean;
  readonly sentence: string;
  readonly from: { readonly id: string };
  readonly to: { readonly id: string };
  readonly relationship: { readonly type: string; readonly from: { readonly id: string }; readonly to: { readonly id: string }; readonly source: Provenance };
}

export interface GraphPath {
  readonly length: number;
  readonly nodes: readonly GraphNode[];
  readonly steps: readonly PathStep[];
}

export const EXPLORER_SEARCH_QUERY = `query ExplorerSearch($text: String!, $asOf: String) {
  search(text: $text, first: 10, asOf: $asOf) {
    totalCount
    nodes { snippet node { ${GRAPH_NODE} } }
  }
}`;

export interface ExplorerSearchHit {
  readonly snippet: string;
  readonly node: GraphNode;
}
