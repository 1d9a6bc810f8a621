import { isIsoDate } from './isoDate';
import { checkValiditySource } from './validitySource';
import { edgeName, type ValidityGraph, type ValidityProblem } from './validityRecords';

const SIDES = [
  ['validFrom', 'validFromSource'],
  ['validTo', 'validToSource'],
] as const;

/**
 * Checks each record's own validity: `validFrom` and `validTo`, when given,
 * are real dates `YYYY-MM-DD`, each with its source (JSON with a quote and a
 * document or url, see checkValiditySource), no source without its date, and
 * `validFrom` before `validTo` (the interval is half-open, so equal dates
 * would leave it empty).
 */
export function checkRecordValidity(graph: ValidityGraph): ValidityProblem[] {
  const problems: ValidityProblem[] = [];
  const records = [
    ...graph.nodes.map((n) => ({ name: n.id, props: n.props })),
    ...graph.edges.map((e) => ({ name: edgeName(e), props: e.props })),
  ];
  for (const { name, props } of records) {
    for (const [dateKey, sourceKey] of SIDES) {
      const date = props[dateKey];
      const source = props[sourceKey];
      const hasDate = date !== undefined && date !== null;
      const hasSource = source !== undefined && source !== null;
      if (hasDate && !isIsoDate(date)) problems.push({ record: name, message: `${dateKey} ${JSON.stringify(date)} is not a date YYYY-MM-DD` });
      if (hasDate && !hasSource) problems.push({ record: name, message: `${dateKey} ${String(date)} has no ${sourceKey}` });
      if (!hasDate && hasSource) problems.push({ record: name, message: `${sourceKey} is given without ${dateKey}` });
      if (hasSource) {
        const parsed = checkValiditySource(source);
        if (typeof parsed === 'string') problems.push({ record: name, message: `${sourceKey} ${parsed}` });
      }
    }
    const { validFrom, validTo } = props;
    if (isIsoDate(validFrom) && isIsoDate(validTo) && validFrom >= validTo) {
      problems.push({ record: name, message: `validFrom ${validFrom} is not before validTo ${validTo}` });
    }
  }
  return problems;
}
