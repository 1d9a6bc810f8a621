import { returnRecord } from './recordColumns';
import type { Statement } from './Statement';

/** The three reads of targetProgress, each for targets with these ids (never empty). */
export function targetProgressStatements(ids: readonly string[], asOf: string): { targets: Statement; actuals: Statement; phases: Statement } {
  const params = { ids: [...ids] };
  return {
    targets: {
      text: 'MATCH (t:`Target`) WHERE t.id IN $ids RETURN t.id AS id, t.quantity AS quantity, t.comparator AS comparator, t.metric AS metric, t.`year` AS `year`',
      params,
      doing: 'reading targets for their progress',
    },
    actuals: {
      text: `MATCH (t:\`Target\`)-[:\`HAS_ACTUAL\`]->(r:\`Actual\`) WHERE t.id IN $ids AND r.retracted = false AND r.periodEnd <= $asOf RETURN ${returnRecord('Actual')}`,
      params: { ...params, asOf },
      doing: 'reading the actuals of targets',
    },
    phases: {
      text: 'MATCH (t:`Target`)-[:`IN_PHASE`]->(p:`Phase`) WHERE t.id IN $ids RETURN t.id AS target, p.id AS id, p.startYear AS startYear, p.endYear AS endYear',
      params,
      doing: 'reading the phases of targets',
    },
  };
}
