import type { Neo4jStatement } from './Neo4jStatement';
import { returnRecord } from './recordColumns';

/** The three reads of targetProgress for targets with these ids: the targets, their actuals (not retracted, ending by the as-of date), their phases. */
export function targetProgressStatements(ids: readonly string[], asOf: string): { targets: Neo4jStatement; actuals: Neo4jStatement; phases: Neo4jStatement } {
  const params = { ids: [...ids] };
  return {
    targets: {
      name: 'targetProgress.targets',
      text: ['MATCH (t:Target)', 'WHERE t.id IN $ids', 'RETURN t.id AS id, t.quantity AS quantity, t.comparator AS comparator, t.metric AS metric, t.year AS year'].join('\n'),
      params,
    },
    actuals: {
      name: 'targetProgress.actuals',
      text: ['MATCH (t:Target)-[:HAS_ACTUAL]->(r:Actual)', 'WHERE t.id IN $ids AND r.retracted = false AND r.periodEnd <= $asOf', `RETURN ${returnRecord('Actual')}`].join('\n'),
      params: { ...params, asOf },
    },
    phases: {
      name: 'targetProgress.phases',
      text: ['MATCH (t:Target)-[:IN_PHASE]->(p:Phase)', 'WHERE t.id IN $ids', 'RETURN t.id AS target, p.id AS id, p.startYear AS startYear, p.endYear AS endYear'].join('\n'),
      params,
    },
  };
}
