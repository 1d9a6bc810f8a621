import { returnRecord } from './recordColumns';
import type { Statement } from './Statement';

/** The two reads of taskProgress, each for tasks with these ids (never empty): the tasks with their plan's years, and their reports up to a year. */
export function taskProgressStatements(ids: readonly string[], asOfYear: number): { tasks: Statement; reports: Statement } {
  const params = { ids: [...ids] };
  return {
    tasks: {
      text:
        'MATCH (t:`Task`) WHERE t.id IN $ids OPTIONAL MATCH (p:`Plan`)-[:`HAS_TASK`]->(t) ' +
        'RETURN t.id AS id, t.dueYear AS dueYear, t.recurring AS recurring, p.startYear AS planStartYear, p.endYear AS planEndYear',
      params,
      doing: 'reading tasks for their progress',
    },
    reports: {
      text: `MATCH (t:\`Task\`)-[:\`HAS_REPORT\`]->(r:\`TaskReport\`) WHERE t.id IN $ids AND r.retracted = false AND r.\`year\` <= $year RETURN ${returnRecord('TaskReport')}`,
      params: { ...params, year: asOfYear },
      doing: 'reading the reports of tasks',
    },
  };
}
