import { parseId } from '../../model/ids';
import { propertiesOf, type NodeKind, type PropertySpec } from '../../model/kinds';
import { RELATIONSHIP_PROPERTIES, RELATIONSHIPS } from '../../model/relationships';
import { argumentError, checkDate, checkList, checkObject, checkType, isAbsent, show } from './checkArguments';
import { checkPropertyValue } from './checkConditions';

const METHOD = 'upsert';

/**
 * Checks a batch against the registries before anything is written: an
 * object whose `nodes` and `edges` are lists (absent: none); every node an
 * object with a well-formed id whose prefix is its `kind`; every
 * relationship an object with a known type and well-formed endpoint ids of
 * kinds the type may join; every property bag absent or an object whose
 * keys are registry properties and whose values fit their types (null clears
 * a property; undefined means not given); `validFrom` and `validTo`, when
 * given, real calendar dates `YYYY-MM-DD` (the reads as of a date compare
 * them as text), `validFrom` before `validTo` when a bag gives both. Messages
 * name the entry by its position and its id (or `TYPE from -> to`) and the
 * property.
 */
export function checkBatch(batch: unknown): void {
  const b = checkObject(METHOD, 'batch', batch);
  const nodes = isAbsent(b.nodes) ? [] : checkList(METHOD, 'batch.nodes', b.nodes, 'node records');
  nodes.forEach((node, i) => {
    const n = checkObject(METHOD, `batch.nodes[${i}]`, node);
    const parsed = typeof n.id === 'string' ? parseId(n.id) : 'not a string';
    if (typeof parsed === 'string') throw argumentError(METHOD, `batch.nodes[${i}].id`, `a global id Kind:key (${parsed})`, n.id);
    if (n.kind !== parsed.kind) throw argumentError(METHOD, `batch.nodes[${i}] (${String(n.id)}).kind`, `${parsed.kind}, the kind its id names`, n.kind);
    checkProps(`batch.nodes[${i}] (${String(n.id)}).props`, propertiesOf(parsed.kind), n.props);
  });
  const edges = isAbsent(b.edges) ? [] : checkList(METHOD, 'batch.edges', b.edges, 'relationship records');
  edges.forEach((edge, i) => {
    const e = checkObject(METHOD, `batch.edges[${i}]`, edge);
    const type = checkType(METHOD, `batch.edges[${i}].type`, e.type);
    const name = `batch.edges[${i}] (${type} ${show(e.from)} -> ${show(e.to)})`;
    checkEndpoint(`${name}.from`, e.from, RELATIONSHIPS[type].from, type, 'start');
    checkEndpoint(`${name}.to`, e.to, RELATIONSHIPS[type].to, type, 'end');
    checkProps(`${name}.props`, RELATIONSHIP_PROPERTIES, e.props);
  });
}

function checkEndpoint(argument: string, id: unknown, allowed: readonly NodeKind[], type: string, end: string): void {
  const parsed = typeof id === 'string' ? parseId(id) : 'not a string';
  if (typeof parsed === 'string') throw argumentError(METHOD, argument, `a global id Kind:key (${parsed})`, id);
  if (!allowed.includes(parsed.kind)) throw argumentError(METHOD, argument, `the id of a ${allowed.join(' or ')} (a ${type} cannot ${end} at a ${parsed.kind})`, id);
}

function checkProps(argument: string, specs: readonly PropertySpec[], props: unknown): void {
  if (isAbsent(props)) return;
  const bag = checkObject(METHOD, argument, props);
  for (const [key, value] of Object.entries(bag)) {
    const spec = specs.find((s) => s.name === key);
    if (!spec) throw argumentError(METHOD, `${argument} key`, `a registry property (${specs.map((s) => s.name).join(', ')})`, key);
    if (value !== undefined) checkPropertyValue(METHOD, `${argument}.${key}`, spec, value, true);
  }
  checkValidityDates(argument, bag);
}

/** The validity dates of a property bag: each a calendar date, the interval not empty (see checkBatch). */
function checkValidityDates(argument: string, bag: Readonly<Record<string, unknown>>): void {
  for (const key of ['validFrom', 'validTo']) checkDate(METHOD, `${argument}.${key}`, bag[key]);
  const { validFrom, validTo } = bag;
  if (typeof validFrom === 'string' && typeof validTo === 'string' && validTo <= validFrom) {
    throw argumentError(METHOD, `${argument}.validTo`, `a date after validFrom ${validFrom} (validity is [validFrom, validTo), never empty)`, validTo);
  }
}
