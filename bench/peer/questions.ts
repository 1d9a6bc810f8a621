import { readSeed } from '../../seed/readSeed';

/**
 * The five questions of the side-by-side benchmark, each asked of our API and
 * of the peer (@neo4j/graphql 7 over bench/peer/peerTypeDefs.graphql) in the
 * way each API is meant to be used, selecting the same fields. Each side has
 * an `answer` that reduces its response to a sorted list of rows (strings);
 * the benchmark checks the lists are equal before it times anything.
 */

/** One GraphQL request body. */
export interface GraphQLRequest {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** One side of a question: what is sent and how its answer is reduced to comparable rows. */
export interface QuestionSide {
  readonly request: GraphQLRequest;
  readonly answer: (data: unknown) => string[];
}

/** A question asked of both APIs. */
export interface Question {
  readonly label: string;
  readonly ours: QuestionSide;
  readonly peer: QuestionSide;
}

/** The plan every question is about. */
export const PLAN_ID = 'Plan:dn-202-2019';
/** The folded text the paged list filters on (our name filter folds the same way; the peer gets the folded text). */
export const NAME_FILTER = 'do luong';
/** Where the 2-hop neighbourhood starts. */
export const NEIGHBOURHOOD_START = 'Task:dn-202-2019.pl-ii-2-b';

interface Ref {
  readonly id: string;
}
interface NamedRef extends Ref {
  readonly nameVi?: string | null;
  readonly name?: string | null;
}
interface TaskRef extends Ref {
  readonly code: string;
  readonly timeframe?: string;
}

type Json = Record<string, unknown>;

function field<T>(data: unknown, name: string): T {
  if (data === null || typeof data !== 'object' || !(name in data)) throw new Error(`answer lacks "${name}": ${JSON.stringify(data)?.slice(0, 200)}`);
  return (data as Json)[name] as T;
}

const sorted = (rows: string[]): string[] => rows.sort();

/** (a) Every assignment of the plan, with agency, task and clause. */
function coordinationMatrix(): Question {
  interface Assignment {
    role: string;
    agency: NamedRef;
    task: TaskRef;
    source: { clause: string };
  }
  interface AssignmentEdge {
    properties: { sourceClause: string };
    node: NamedRef;
  }
  interface PeerTask extends TaskRef {
    leadBodiesConnection: { edges: AssignmentEdge[] };
    coordinatorsConnection: { edges: AssignmentEdge[] };
  }
  const row = (role: string, agency: NamedRef, task: TaskRef, clause: string) =>
    `${role} ${agency.id} (${agency.nameVi}) ${task.id} ${task.code} ${task.timeframe} ${clause}`;
  const edge = 'edges { properties { sourceClause } node { id nameVi } }';
  return {
    label: '(a) coordination matrix: every assignment of the plan, with agency and task',
    ours: {
      request: {
        query: `query ($plan: ID!) { assignments(filter: { plan: $plan }, first: 1000) {
          totalCount nodes { role agency { id nameVi } task { id code timeframe } source { clause } } } }`,
        variables: { plan: PLAN_ID },
      },
      answer: (data) =>
        sorted(field<{ nodes: Assignment[] }>(data, 'assignments').nodes.map((a) => row(a.role, a.agency, a.task, a.source.clause))),
    },
    peer: {
      request: {
        query: `query ($plan: String!) { tasks(where: { planId: { eq: $plan } }) {
          id code timeframe leadBodiesConnection { ${edge} } coordinatorsConnection { ${edge} } } }`,
        variables: { plan: PLAN_ID },
      },
      answer: (data) =>
        sorted(
          field<PeerTask[]>(data, 'tasks').flatMap((t) => [
            ...t.leadBodiesConnection.edges.map((e) => row('LEAD', e.node, t, e.properties.sourceClause)),
            ...t.coordinatorsConnection.edges.map((e) => row('COORDINATOR', e.node, t, e.properties.sourceClause)),
          ]),
        ),
    },
  };
}

/** (b) Agencies -> tasks they lead -> the tasks' coordinators. */
function nestedThreeLevels(): Question {
  interface Agency extends NamedRef {
    leads: (TaskRef & { coordinators: NamedRef[] })[];
  }
  const rows = (agencies: Agency[]) =>
    sorted(
      agencies.flatMap((a) => [
        a.id,
        ...a.leads.flatMap((t) => [`${a.id} > ${t.id} ${t.code} ${t.timeframe}`, ...t.coordinators.map((c) => `${a.id} > ${t.id} > ${c.id} (${c.nameVi})`)]),
      ]),
    );
  const selection = 'id nameVi leads { id code timeframe coordinators { id nameVi } }';
  return {
    label: '(b) three levels: agencies -> tasks led -> coordinators',
    ours: { request: { query: `{ agencies(first: 200) { nodes { ${selection} } } }` }, answer: (data) => rows(field<{ nodes: Agency[] }>(data, 'agencies').nodes) },
    peer: { request: { query: `{ agencies(limit: 200) { ${selection} } }` }, answer: (data) => rows(field<Agency[]>(data, 'agencies')) },
  };
}

/** (c) Tasks of the plan whose name matches, ordered by code, first 20, with totalCount. */
function filteredPagedList(): Question {
  interface Page {
    totalCount: number;
    nodes?: TaskRef[];
    edges?: { node: TaskRef }[];
  }
  // Codes repeat (e.g. V.2), so the page is compared by code in order: ties may be broken differently.
  const rows = (page: Page, tasks: TaskRef[]) => [`totalCount ${page.totalCount}`, ...tasks.map((t, i) => `${String(i).padStart(2, '0')} ${t.code}`)];
  return {
    label: `(c) filtered, sorted, paged: tasks of the plan matching "${NAME_FILTER}", by code, first 20, totalCount`,
    ours: {
      request: {
        query: `query ($plan: ID!, $text: String!) { tasks(filter: { plan: $plan, name: { contains: $text } }, orderBy: [{ field: CODE }], first: 20) {
          totalCount nodes { id code name } pageInfo { hasNextPage endCursor } } }`,
        variables: { plan: PLAN_ID, text: NAME_FILTER },
      },
      answer: (data) => {
        const page = field<Page>(data, 'tasks');
        return rows(page, page.nodes ?? []);
      },
    },
    peer: {
      request: {
        query: `query ($plan: String!, $text: String!) { tasksConnection(where: { planId: { eq: $plan }, searchText: { contains: $text } }, sort: [{ code: ASC }, { id: ASC }], first: 20) {
          totalCount edges { node { id code name } } pageInfo { hasNextPage endCursor } } }`,
        variables: { plan: PLAN_ID, text: NAME_FILTER },
      },
      answer: (data) => {
        const page = field<Page>(data, 'tasksConnection');
        return rows(page, (page.edges ?? []).map((e) => e.node));
      },
    },
  };
}

/** The seed's node references, repeated in order up to `count` (the plan has 110 nodes). */
export function entityReferences(count: number): { __typename: string; id: string }[] {
  const nodes = readSeed().nodes ?? [];
  return Array.from({ length: count }, (_, i) => {
    const node = nodes[i % nodes.length];
    if (!node) throw new Error('the seed has no nodes');
    return { __typename: node.kind, id: node.id };
  });
}

/** (d) `_entities` with `count` references, as a router would send them. */
export function entities(count: number): Question {
  const representations = entityReferences(count);
  const answer = (data: unknown) => sorted(field<(NamedRef | null)[]>(data, '_entities').map((e) => (e ? `${e.id} ${e.name}` : 'null')));
  const query = (iface: string) => `query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on ${iface} { id name } } }`;
  return {
    label: `(d) _entities: ${count} references (the plan's ${new Set(representations.map((r) => r.id)).size} nodes, repeated)`,
    ours: { request: { query: query('Node'), variables: { representations } }, answer },
    peer: { request: { query: query('GraphNode'), variables: { representations } }, answer },
  };
}

/** (e) Every node within two hops of a task, either direction (the peer: its @cypher field). */
function neighbourhood(): Question {
  return {
    label: '(e) 2-hop neighbourhood of a task (peer: @cypher field)',
    ours: {
      request: {
        query: `query ($id: ID!) { neighbourhood(ids: [$id], depth: 2, limit: 2000) { truncated nodes { id name } } }`,
        variables: { id: NEIGHBOURHOOD_START },
      },
      answer: (data) => {
        const result = field<{ truncated: boolean; nodes: NamedRef[] }>(data, 'neighbourhood');
        if (result.truncated) throw new Error('our neighbourhood was truncated; raise the limit');
        return sorted(result.nodes.map((n) => `${n.id} ${n.name}`));
      },
    },
    peer: {
      request: {
        query: `query ($id: ID!) { tasks(where: { id: { eq: $id } }) { neighbourhood { id name } } }`,
        variables: { id: NEIGHBOURHOOD_START },
      },
      answer: (data) => sorted(field<{ neighbourhood: NamedRef[] }[]>(data, 'tasks').flatMap((t) => t.neighbourhood.map((n) => `${n.id} ${n.name}`))),
    },
  };
}

/** The questions, in the order the table lists them; `entityCount` is the number of `_entities` references. */
export function questions(entityCount: number): Question[] {
  return [coordinationMatrix(), nestedThreeLevels(), filteredPagedList(), entities(entityCount), neighbourhood()];
}
