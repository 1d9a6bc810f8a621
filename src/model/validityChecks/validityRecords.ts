/**
 * What the validity checks read of a graph: nodes and relationships with
 * their property bags (NodeRecord and EdgeRecord of the store port fit these
 * shapes), and what they report.
 */

export interface ValidityNode {
  readonly id: string;
  readonly props: Readonly<Record<string, unknown>>;
}

export interface ValidityEdge {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly props: Readonly<Record<string, unknown>>;
}

export interface ValidityGraph {
  readonly nodes: readonly ValidityNode[];
  readonly edges: readonly ValidityEdge[];
}

/** One refused record: its name (a node id, or `TYPE from -> to`) and what is wrong. */
export interface ValidityProblem {
  readonly record: string;
  readonly message: string;
}

/** The name of a relationship in problems: `MERGED_INTO Agency:a -> Agency:b`. */
export function edgeName(edge: Pick<ValidityEdge, 'type' | 'from' | 'to'>): string {
  return `${edge.type} ${edge.from} -> ${edge.to}`;
}

/** One line per problem: `record: message`. */
export function describeProblems(problems: readonly ValidityProblem[]): string[] {
  return problems.map((p) => `${p.record}: ${p.message}`);
}

/** The [validFrom, validTo) of a record; absent sides are undefined (open-ended). */
export function intervalOf(props: Readonly<Record<string, unknown>>): { from?: string; to?: string } {
  const from = typeof props.validFrom === 'string' ? props.validFrom : undefined;
  const to = typeof props.validTo === 'string' ? props.validTo : undefined;
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/** Shows an interval for messages: `[2019-05-13, 2025-03-01)`, `[…, 2025-07-01)`. */
export function showInterval(interval: { from?: string; to?: string }): string {
  return `[${interval.from ?? '…'}, ${interval.to ?? '…'})`;
}
