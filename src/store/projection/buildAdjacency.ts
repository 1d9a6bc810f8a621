/** Relationships laid out by node: compressed sparse rows with an entry at both ends. */
export interface Adjacency {
  /** Entries of node v are at [start[v], start[v + 1]). Length: nodes + 1. */
  readonly start: Int32Array;
  /** The node at the other end of each entry. */
  readonly others: Int32Array;
  /** Per entry, `type * 2 + 1` at the start node and `type * 2` at the end node. */
  readonly metas: Uint8Array;
}

/**
 * Lays out `count` relationships (parallel arrays of endpoint numbers, below
 * `nodes`, and type indexes; all types 0 when `types` is absent) as
 * {@link Adjacency}: two passes, counting then filling, O(nodes + count).
 * A relationship from a node to itself gives that node two entries.
 */
export function buildAdjacency(nodes: number, from: Int32Array, to: Int32Array, count: number, types?: Uint8Array): Adjacency {
  const start = new Int32Array(nodes + 1);
  for (let i = 0; i < count; i += 1) {
    const a = (from[i] as number) + 1;
    const b = (to[i] as number) + 1;
    start[a] = (start[a] as number) + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let v = 0; v < nodes; v += 1) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, nodes);
  const others = new Int32Array(count * 2);
  const metas = new Uint8Array(count * 2);
  for (let i = 0; i < count; i += 1) {
    const a = from[i] as number;
    const b = to[i] as number;
    const t = types ? (types[i] as number) : 0;
    let at = fill[a] as number;
    others[at] = b;
    metas[at] = t * 2 + 1;
    fill[a] = at + 1;
    at = fill[b] as number;
    others[at] = a;
    metas[at] = t * 2;
    fill[b] = at + 1;
  }
  return { start, others, metas };
}
