import { searchTerms } from '../../src/model/text';
import type { GraphStore } from '../../src/store/port';
import type { ScaleMeta } from './generate';

/**
 * The analyst queries of the scale benchmark, each as the GraphQL request the
 * HTTP run sends and as the store call its resolver makes (the floor): the
 * arguments below mirror resolvers/Analytics.ts (search: searchTerms(text),
 * offset 0, limit = first; paths: SHORTEST, maxDepth 4, limit 10;
 * neighbourhood: depth 2, limit 200; agencyWorkload: countEdges over LEADS
 * and COORDINATES grouped by from and type, Task.planId = the plan).
 */
export interface ScaleQuery {
  readonly label: string;
  readonly graphql: string;
  readonly store: (store: GraphStore) => Promise<unknown>;
  /** A one-line summary of a store answer, to show the two paths agree. */
  readonly summarise: (answer: unknown) => string;
}

export function scaleQueries(q: ScaleMeta['queries']): ScaleQuery[] {
  const page = (answer: unknown) => {
    const p = answer as { totalCount: number; items: unknown[] };
    return `${p.totalCount} matches, ${p.items.length} returned`;
  };
  return [
    {
      label: `search, common term ("${q.commonText}")`,
      graphql: `{ search(text: ${JSON.stringify(q.commonText)}, first: 20) { totalCount nodes { score matchedField snippet node { id name } } } }`,
      store: (s) => s.search({ terms: searchTerms(q.commonText, 16), offset: 0, limit: 20 }),
      summarise: page,
    },
    {
      label: `search, rare term ("${q.rareText}")`,
      graphql: `{ search(text: ${JSON.stringify(q.rareText)}, first: 20) { totalCount nodes { score matchedField snippet node { id name } } } }`,
      store: (s) => s.search({ terms: searchTerms(q.rareText, 16), offset: 0, limit: 20 }),
      summarise: page,
    },
    {
      label: 'neighbourhood, 2 hops of an agency, limit 200',
      graphql: `{ neighbourhood(ids: [${JSON.stringify(q.agency)}], depth: 2, limit: 200) { truncated nodes { id name } relationships { type from { id } to { id } } } }`,
      store: (s) => s.neighbourhood({ ids: [q.agency], depth: 2, limit: 200 }),
      summarise: (answer) => {
        const g = answer as { nodes: unknown[]; edges: unknown[]; truncated: boolean };
        return `${g.nodes.length} nodes, ${g.edges.length} relationships${g.truncated ? ', truncated' : ''}`;
      },
    },
    {
      label: `shortest paths, maxDepth 4 (pair at distance ${q.pathDistance})`,
      graphql: `{ paths(from: ${JSON.stringify(q.pathFrom)}, to: ${JSON.stringify(q.pathTo)}, maxDepth: 4, first: 10) { length nodes { id } steps { forward sentence } } }`,
      store: (s) => s.findPaths({ from: q.pathFrom, to: q.pathTo, maxDepth: 4, mode: 'SHORTEST', limit: 10 }),
      summarise: (answer) => {
        const paths = answer as { edges: unknown[] }[];
        return `${paths.length} paths of length ${paths[0]?.edges.length ?? '-'}`;
      },
    },
    {
      label: 'aggregates.agencyWorkload(plan)',
      graphql: `{ aggregates { agencyWorkload(plan: ${JSON.stringify(q.plan)}) { agency { id nameVi } leads coordinates total } } }`,
      // Both round-trips the request makes: the counts, then the agencies (the resolver's DataLoader batch).
      store: async (s) => {
        const groups = await s.countEdges({ types: ['LEADS', 'COORDINATES'], groupBy: ['from', 'type'], toWhere: [{ property: 'planId', eq: q.plan }] });
        const agencies = await s.getNodes([...new Set(groups.map((g) => g.from as string))]);
        return { groups, agencies };
      },
      summarise: (answer) => `${(answer as { groups: unknown[] }).groups.length} groups (countEdges + getNodes)`,
    },
  ];
}
