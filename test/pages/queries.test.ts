import { parse, validate } from 'graphql';
import { buildSchema } from '../../src/schema';
import { EXAMPLES } from '../../web/src/ide/examples';
import * as dashboard from '../../web/src/dashboard/queries';
import * as explorer from '../../web/src/explorer/queries';

const schema = buildSchema({ federation: false });

/** Every operation the pages send, validated against the schema so a schema change that breaks them fails here. */
describe('operations of the pages', () => {
  it.each(EXAMPLES.map((example) => [example.id, example] as const))('IDE example %s is valid, with JSON variables', (_id, example) => {
    const errors = validate(schema, parse(example.query));
    expect(errors.map((error) => error.message)).toEqual([]);
    expect(() => JSON.parse(example.variables) as unknown).not.toThrow();
  });

  it('covers the questions the plan is read for', () => {
    const all = EXAMPLES.map((example) => example.query).join('\n');
    for (const field of ['assignments(', 'legalBasis(', 'dueBy: $year', 'timeline(', 'search(', 'paths(', 'neighbourhood(']) {
      expect(all).toContain(field);
    }
    expect(new Set(EXAMPLES.map((example) => example.id)).size).toBe(EXAMPLES.length);
  });

  const queries = [...Object.entries(dashboard), ...Object.entries(explorer)].filter(([name, value]) => /_(QUERY|MUTATION|SUBSCRIPTION)$/.test(name) && typeof value === 'string') as [string, string][];
  it.each(queries)('page operation %s is valid', (_name, query) => {
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
  });
});
