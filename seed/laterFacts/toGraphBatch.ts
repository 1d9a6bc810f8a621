import { SeedValidationError } from '../../src/errors';
import { nextDay } from '../../src/model/validityChecks/isoDate';
import { formatValiditySource } from '../../src/model/validityChecks/validitySource';
import type { EdgeRecord, GraphBatch, NodeRecord, PropertyValue } from '../../src/store/port';
import { toEdgeRecord, toNodeRecord } from '../readSeed';
import type { DatedBy, FactLeftOut, FactUse, QuoteRef, SubjectRef, ValidityUse } from './factUses';
import { LATER_FACT_USES, LATER_FACTS_LEFT_OUT } from './laterFactUses';
import type { FactSubject, LaterFact } from './readLaterFacts';

/**
 * Turns the later facts into graph records, as `uses` says (see
 * laterFactUses.ts): the nodes and relationships they add, each with its
 * provenance (document number of the act, or the page's URL; the fact id as
 * the clause; the quote) and its validity with sources, plus records of the
 * plan's nodes holding only the validity the facts give them. Checks the
 * mapping against the facts and the plan: every fact is used or left out
 * with a reason, every subject, date and quote pointed at exists, a plan
 * node is named by the subject whose seedId it is, a new node by the subject
 * with its name (or number). Throws one {@link SeedValidationError} listing
 * every problem.
 */
export function toGraphBatch(
  facts: ReadonlyMap<string, LaterFact>,
  plan: GraphBatch,
  uses: readonly FactUse[] = LATER_FACT_USES,
  leftOut: readonly FactLeftOut[] = LATER_FACTS_LEFT_OUT,
): GraphBatch {
  const problems: string[] = [];
  const planNodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const covered = new Map<string, string>();
  for (const { factId } of [...uses, ...leftOut]) {
    if (!facts.has(factId)) problems.push(`later facts: ${factId}: no such fact`);
    if (covered.has(factId)) problems.push(`later facts: ${factId}: mapped twice`);
    covered.set(factId, factId);
  }
  for (const id of facts.keys()) if (!covered.has(id)) problems.push(`later facts: ${id}: neither used nor left out with a reason`);

  const nodes = new Map<string, NodeRecord>();
  const validityOfPlan: NodeRecord[] = [];
  const madeFrom = new Map<string, FactSubject | undefined>();
  for (const use of uses) {
    const fact = facts.get(use.factId);
    if (!fact) continue;
    const at = (what: string) => `later facts: ${fact.id}: ${what}`;
    for (const n of use.nodes ?? []) {
      const where = at(`node ${n.id}`);
      const subject = n.subject ? subjectOf(fact, n.subject, where, problems) : undefined;
      if (n.subject && !subject) continue;
      if (subject?.seedId !== undefined) problems.push(`${where}: its subject is the plan's node ${subject.seedId}`);
      if (planNodes.has(n.id) || nodes.has(n.id)) problems.push(`${where}: id already used`);
      const quote = quoteOf(fact, n.quote, where, problems);
      if (!quote) continue;
      const own: Record<string, PropertyValue> = { ...(n.props ?? {}) };
      if (n.kind === 'LegalDocument') {
        const number = subject ? subject.number : fact.document?.number;
        const issuedOn = n.issuedOn ? dateOf(fact, n.issuedOn, where, problems) : subject ? subject.date : fact.document?.date;
        if (number !== undefined) own.number = number;
        if (issuedOn !== undefined) own.issuedOn = issuedOn;
        const effectiveFrom = n.effectiveFrom ? dateOf(fact, n.effectiveFrom, where, problems) : undefined;
        if (effectiveFrom !== undefined) own.effectiveFrom = effectiveFrom;
      }
      const record = toNodeRecord(
        {
          id: n.id,
          name: n.name,
          ...(subject ? { nameVi: subject.nameVi } : {}),
          ...(n.description ? { description: n.description } : {}),
          source: quote.provenance,
          props: own,
        },
        where,
        problems,
      );
      if (!record) continue;
      if (record.kind !== n.kind) problems.push(`${where}: kind ${n.kind} is not the kind its id names`);
      nodes.set(n.id, { ...record, props: { ...record.props, ...validityProps(fact, n, where, problems) } });
      madeFrom.set(n.id, subject);
    }
    for (const v of use.seedValidity ?? []) {
      const where = at(`validity of ${v.id}`);
      const subject = subjectOf(fact, v.subject, where, problems);
      const node = planNodes.get(v.id);
      if (!node) problems.push(`${where}: the plan has no node ${v.id}`);
      if (subject && subject.seedId !== v.id) problems.push(`${where}: the subject names ${subject.seedId ?? 'no plan node'}, not ${v.id}`);
      if (node) validityOfPlan.push({ id: v.id, kind: node.kind, props: validityProps(fact, v, where, problems) });
    }
  }

  const edges: EdgeRecord[] = [];
  const allNodes = new Map<string, NodeRecord>([...planNodes, ...nodes]);
  for (const use of uses) {
    const fact = facts.get(use.factId);
    if (!fact) continue;
    for (const e of use.edges ?? []) {
      const where = `later facts: ${fact.id}: ${e.type} ${e.from.id} -> ${e.to.id}`;
      for (const end of [e.from, e.to]) {
        const subject = subjectOf(fact, end.subject, where, problems);
        if (!subject) continue;
        if (subject.seedId !== undefined) {
          if (subject.seedId !== end.id) problems.push(`${where}: the subject names ${subject.seedId}, not ${end.id}`);
        } else if (!madeFrom.has(end.id)) {
          problems.push(`${where}: ${end.id} is neither a plan node named by the fact nor a node the facts add`);
        } else if (!sameSubject(madeFrom.get(end.id), subject, nodes.get(end.id))) {
          problems.push(`${where}: ${end.id} is not the subject "${subject.nameVi}"`);
        }
      }
      const quote = quoteOf(fact, e.quote, where, problems);
      if (!quote) continue;
      const record = toEdgeRecord({ type: e.type, from: e.from.id, to: e.to.id, source: quote.provenance }, where, allNodes, problems);
      if (record) edges.push({ ...record, props: { ...record.props, ...validityProps(fact, e, where, problems) } });
    }
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  return { nodes: [...validityOfPlan, ...nodes.values()], edges };
}

function subjectOf(fact: LaterFact, ref: SubjectRef, where: string, problems: string[]): FactSubject | undefined {
  const subject = fact.subjects.filter((s) => s.role === ref.role)[ref.index ?? 0];
  if (!subject) problems.push(`${where}: the fact has no subject ${ref.role}[${ref.index ?? 0}]`);
  return subject;
}

/** A node the facts add stands for a subject of another fact when both give the same number, or the same name. */
function sameSubject(made: FactSubject | undefined, subject: FactSubject, node: NodeRecord | undefined): boolean {
  const number = node?.props.number;
  if (subject.number !== undefined && typeof number === 'string') return subject.number === number;
  return made !== undefined && made.nameVi === subject.nameVi;
}

function dateOf(fact: LaterFact, field: DatedBy['date'], where: string, problems: string[]): string | undefined {
  const value = fact.dates[field];
  if (value === undefined) problems.push(`${where}: the fact gives no ${field}`);
  return value;
}

interface QuoteFound {
  readonly provenance: { document: string; clause: string; quote: string };
  readonly validitySource: string;
}

function quoteOf(fact: LaterFact, ref: QuoteRef, where: string, problems: string[]): QuoteFound | undefined {
  const source = fact.sources[ref.source];
  const quote = source?.quotes[ref.quote];
  if (!source || !quote) {
    problems.push(`${where}: the fact has no quote sources[${ref.source}].quotes[${ref.quote}]`);
    return undefined;
  }
  const document = fact.document?.number ?? source.document?.number;
  const shown = document ?? source.url;
  if (shown === undefined) {
    problems.push(`${where}: sources[${ref.source}] names neither a document nor a url`);
    return undefined;
  }
  return {
    provenance: { document: shown, clause: fact.id, quote: quote.text },
    validitySource: formatValiditySource({
      ...(document !== undefined ? { document } : {}),
      ...(source.url !== undefined ? { url: source.url } : {}),
      quote: quote.text,
      factId: fact.id,
    }),
  };
}

function validityProps(fact: LaterFact, use: ValidityUse, where: string, problems: string[]): Record<string, PropertyValue> {
  const props: Record<string, PropertyValue> = {};
  if (use.validFrom) {
    if (use.validFrom.date === 'effectiveTo') problems.push(`${where}: effectiveTo (a last day) cannot start a validity`);
    const date = dateOf(fact, use.validFrom.date, where, problems);
    const source = quoteOf(fact, use.validFrom.quote, where, problems);
    if (date !== undefined && source) Object.assign(props, { validFrom: date, validFromSource: source.validitySource });
  }
  if (use.validTo) {
    const date = dateOf(fact, use.validTo.date, where, problems);
    const source = quoteOf(fact, use.validTo.quote, where, problems);
    if (date !== undefined && source) {
      Object.assign(props, { validTo: use.validTo.date === 'effectiveTo' ? nextDay(date) : date, validToSource: source.validitySource });
    }
  }
  return props;
}
