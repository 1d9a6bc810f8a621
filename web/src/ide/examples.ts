/**
 * Saved example operations of the GraphQL IDE: the questions people ask
 * about the plan (Decision 202/QĐ-UBND of Đà Nẵng, 2019). Pure data, so a
 * Jest test validates every one against the schema (test/pages/examples.test.ts).
 */
export interface ExampleOperation {
  /** Stable key, usable as `/explore?example=<id>`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly query: string;
  /** JSON text of the variables. */
  readonly variables: string;
}

const PLAN = 'Plan:dn-202-2019';
const DECISION = 'LegalDocument:dn-202-qd-ubnd-2019';
const SKHCN = 'Agency:dn-skhcn';

const vars = (value: Record<string, unknown>): string => JSON.stringify(value, null, 2);

export const EXAMPLES: readonly ExampleOperation[] = [
  {
    id: 'who-coordinates-what',
    title: 'Who coordinates what',
    description: 'The coordination matrix: every agency’s role (lead = chủ trì, coordinator = phối hợp) on each task, with its clause.',
    query: `# Who leads (chủ trì) and who coordinates (phối hợp) each task
# of the plan. Remove "role" from the variables to see both roles.
query WhoCoordinatesWhat($plan: ID!, $role: AssignmentRole) {
  assignments(filter: { plan: $plan, role: $role }, first: 1000) {
    totalCount
    nodes {
      role
      agency { id name nameVi abbreviation }
      task { id code name nameVi timeframe }
      source { document clause quote }
    }
  }
}
`,
    variables: vars({ plan: PLAN, role: 'COORDINATOR' }),
  },
  {
    id: 'legal-basis',
    title: 'Legal basis of the decision',
    description: 'The chain of laws and decisions Decision 202/QĐ-UBND rests on (“Căn cứ”), to any depth.',
    query: `# The legal-basis chain of a document: depth 1 are its own
# bases, 2 theirs, and so on.
query LegalBasis($document: ID!) {
  legalBasis(document: $document, maxDepth: 10) {
    depth
    citing { id name }
    document { id number name nameVi docType issuedOn }
    source { document clause quote }
  }
}
`,
    variables: vars({ document: DECISION }),
  },
  {
    id: 'due-by-2025',
    title: 'Due by 2025',
    description: 'Tasks and targets due no later than 2025, as a list and as a timeline (recurring tasks listed apart).',
    query: `# What must be done by 2025? Recurring (yearly) tasks have no
# due year.
query DueBy2025($plan: ID!, $year: Int!) {
  tasks(
    filter: { plan: $plan, dueBy: $year }
    orderBy: [{ field: DUE_YEAR }]
    first: 200
  ) {
    totalCount
    nodes {
      code
      name
      nameVi
      timeframeVi
      dueYear
      lead { name nameVi }
      source { clause }
    }
  }
  timeline(plan: $plan, dueBy: $year) {
    years {
      year
      tasks { code name }
      targets { name quantity comparator unit source { clause } }
    }
    recurringTasks { code name }
  }
}
`,
    variables: vars({ plan: PLAN, year: 2025 }),
  },
  {
    id: 'targets-by-phase',
    title: 'Targets by phase',
    description: 'The quantified targets of each phase (to 2025, to 2030) with the clause that sets them.',
    query: `query TargetsByPhase($plan: ID!) {
  node(id: $plan) {
    ... on Plan {
      name
      nameVi
      phases {
        name
        nameVi
        startYear
        endYear
        targets {
          name
          nameVi
          quantity
          comparator
          unit
          unitVi
          year
          source { document clause quote }
        }
      }
    }
  }
}
`,
    variables: vars({ plan: PLAN }),
  },
  {
    id: 'search',
    title: 'Search',
    description: 'Full-text search over every kind of node, with or without Vietnamese diacritics.',
    query: `# Try "kiem dinh", "SỞ KH&CN" or "202 qđ ubnd".
query Search($text: String!, $kinds: [NodeKind!]) {
  search(text: $text, kinds: $kinds, first: 10) {
    totalCount
    nodes {
      score
      matchedField
      snippet
      node { __typename id name nameVi }
    }
  }
}
`,
    variables: vars({ text: 'so khoa hoc va cong nghe' }),
  },
  {
    id: 'paths',
    title: 'How are two nodes connected?',
    description: 'The shortest paths between the Department of Science and Technology and the decision, read as sentences.',
    query: `query HowConnected($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, mode: SHORTEST, maxDepth: 4, first: 5) {
    length
    steps {
      sentence
      forward
      relationship { type source { document clause } }
    }
  }
}
`,
    variables: vars({ from: SKHCN, to: DECISION }),
  },
  {
    id: 'agency-workload',
    title: 'What one agency does',
    description: 'The tasks an agency leads and coordinates, with the clause assigning each.',
    query: `query AgencyWorkload($id: ID!) {
  node(id: $id) {
    ... on Agency {
      name
      nameVi
      abbreviation
      assignments {
        role
        task { code name nameVi timeframeVi }
        source { clause }
      }
    }
  }
}
`,
    variables: vars({ id: SKHCN }),
  },
  {
    id: 'neighbourhood',
    title: 'Neighbourhood of a node',
    description: 'The subgraph one hop around the plan, as the dashboard’s graph view reads it.',
    query: `query Neighbourhood($ids: [ID!]!, $depth: Int) {
  neighbourhood(ids: $ids, depth: $depth, limit: 100) {
    truncated
    nodes { __typename id name nameVi }
    relationships { type from { id } to { id } source { clause } }
  }
}
`,
    variables: vars({ ids: [PLAN], depth: 1 }),
  },
];

/** The first tab a new visitor sees. */
export const WELCOME = `# GraphQL IDE of the plan knowledge graph
# (Decision 202/QĐ-UBND, Đà Nẵng).
#
# Ctrl-Space autocompletes (the schema is loaded from this
# server), Ctrl-Enter runs, Shift-Ctrl-P prettifies. The book icon
# opens the docs; the star icon lists saved example operations; the
# clock is your history.
#
`;

/** The operation name an example declares ("WhoCoordinatesWhat"), or null. */
export function operationNameOf(query: string): string | null {
  return /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(query)?.[1] ?? null;
}
