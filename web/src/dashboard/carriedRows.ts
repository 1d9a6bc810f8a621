/** Where a validity date or a succession comes from (the API's ValiditySource). */
export interface DatedSource {
  readonly document: string | null;
  readonly url: string | null;
  readonly quote: string;
  readonly factId: string | null;
}

interface AgencyNames {
  readonly id: string;
  readonly name: string;
  readonly nameVi: string | null;
}

/** One step of a body's succession: `from` merged into (succeeded by, ...) `to` on `date`. */
export interface SuccessionStepRow {
  readonly type: string;
  readonly date: string | null;
  readonly from: AgencyNames;
  readonly to: AgencyNames;
  readonly source: DatedSource | null;
}

/** A body as the matrix names it. */
export interface CarrierAgency extends AgencyNames {
  readonly abbreviation: string | null;
  readonly collective: boolean;
}

/** A body that carries an assignment's work on the matrix's date. */
export interface CarrierRow {
  readonly agency: CarrierAgency;
  readonly since: string | null;
}

/**
 * The selection of `Assignment.carriedBy` the matrix reads: the bodies only
 * (a whole plan's matrix with every chain would cost more than one request
 * may); the chains come once per assigned body from {@link CARRIERS_QUERY}.
 */
export const CARRIED_BY = `carriedBy {
        agency { id name nameVi abbreviation collective }
        since
      }`;

/** How each assigned body's work reached the bodies that carry it on a date: the steps with their sources. */
export const CARRIERS_QUERY = `query DashboardCarriers($ids: [ID!]!, $asOf: String) {
  nodes(ids: $ids) {
    id
    ... on Agency {
      carriedBy(asOf: $asOf) {
        agency { id }
        chain { type date from { id name nameVi } to { id name nameVi } source { document url quote factId } }
      }
    }
  }
}`;

/** The answer of {@link CARRIERS_QUERY}. */
export interface CarriersAnswer {
  readonly nodes: readonly ({ readonly id: string; readonly carriedBy?: readonly { readonly agency: { readonly id: string }; readonly chain: readonly SuccessionStepRow[] }[] } | null)[];
}

/** The steps from an assigned body (first key) to each body that carries its work (second key). */
export type Chains = ReadonlyMap<string, ReadonlyMap<string, readonly SuccessionStepRow[]>>;

/** The chains of an answer of {@link CARRIERS_QUERY}, by assigned body, then by carrier. */
export function chainsOf(answer: CarriersAnswer): Chains {
  const chains = new Map<string, Map<string, readonly SuccessionStepRow[]>>();
  for (const node of answer.nodes) {
    if (!node) continue;
    chains.set(node.id, new Map((node.carriedBy ?? []).map((c) => [c.agency.id, c.chain])));
  }
  return chains;
}

/** The assigned bodies whose work another body carries on the date: the ones whose chains the matrix asks for. */
export function succeededBodies(assignments: readonly Carried[]): string[] {
  return [...new Set(assignments.filter((a) => (a.carriedBy ?? []).some((c) => c.agency.id !== a.agency.id)).map((a) => a.agency.id))];
}

/** What carriedRows reads of an assignment. */
interface Carried {
  readonly agency: CarrierAgency;
  readonly carriedBy?: readonly CarrierRow[];
}

/** An assignment as the matrix shows it on a date: the body that carries it then, and the steps that led there. */
export type CarriedAssignment<A extends Carried> = A & {
  /** The steps from the body the plan names to `agency`; empty when that body carries its own work. */
  readonly via: readonly SuccessionStepRow[];
  /** The body the plan names. */
  readonly assigned: CarrierAgency;
};

/**
 * The matrix's rows on a date: each assignment once per body that carries
 * its work then (the assigned body while it exists, else its successors);
 * an assignment no body carries on that date is returned apart, for a note.
 */
export function carriedRows<A extends Carried>(assignments: readonly A[], chains: Chains = new Map()): { rows: CarriedAssignment<A>[]; uncarried: A[] } {
  const rows: CarriedAssignment<A>[] = [];
  const uncarried: A[] = [];
  for (const a of assignments) {
    const carriers = a.carriedBy ?? [];
    if (carriers.length === 0) uncarried.push(a);
    for (const carrier of carriers) rows.push({ ...a, agency: carrier.agency, via: chains.get(a.agency.id)?.get(carrier.agency.id) ?? [], assigned: a.agency });
  }
  return { rows, uncarried };
}

/**
 * How the work came to the body that carries it, for a cell's title: each
 * step as "from merged into to (date, document)".
 */
export function describeChain(chain: readonly SuccessionStepRow[], names: (node: AgencyNames) => string, phrase: (type: string) => string): string {
  return chain
    .map((step) => `${names(step.from)} ${phrase(step.type)} ${names(step.to)} (${[step.date, step.source?.document ?? step.source?.url].filter(Boolean).join(', ')})`)
    .join('; ');
}
