import { int } from 'neo4j-driver';
import type { Neo4jStatement } from './Neo4jStatement';
import { returnRecord } from './recordColumns';

/** The two reads of taskProgress for tasks with these ids: the tasks with their plan's years, and their reports (not retracted) up to a year. */
export function taskProgressStatements(ids: readonly string[], asOfYear: number): { tasks: Neo4jStatement; reports: Neo4jStatement } {
  const params = { ids: [...ids] };
  return {
    tasks: {
      name: 'taskProgress.tasks',
      text: [
        'MATCH (t:Task)',
        'WHERE t.id IN $ids',
        'OPTIONAL MATCH (p:Plan)-[:HAS_TASK]->(t)',
        'RETURN t.id AS id, t.dueYear AS dueYear, t.recurring AS recurring, p.startYear AS planStartYear, p.endYear AS planEndYear',
      ].join('\n'),
      params,
    },
    reports: {
      name: 'taskProgress.reports',
      text: ['MATCH (t:Task)-[:HAS_REPORT]->(r:TaskReport)', 'WHERE t.id IN $ids AND r.retracted = false AND r.year <= $year', `RETURN ${returnRecord('TaskReport')}`].join('\n'),
      params: { ...params, year: int(asOfYear) },
    },
  };
}
