import { parse } from 'graphql';
import { countTokensUpTo } from './tokenGate';

describe('countTokensUpTo', () => {
  it("counts as graphql's parser does, and stops one past the limit", () => {
    const query = 'query Q($id: ID!) { node(id: $id) { id ... on Agency { name } } } # a comment';
    const exact = countTokensUpTo(query, 1000);
    expect(() => parse(query, { maxTokens: exact })).not.toThrow();
    expect(() => parse(query, { maxTokens: exact - 1 })).toThrow(/tokens/);
    expect(countTokensUpTo(`{ ${'a '.repeat(500_000)} }`, 3000)).toBe(3001);
  });

  it('leaves a document the lexer rejects to the parser (counts 0)', () => {
    expect(countTokensUpTo('{ a \u0000 }', 10)).toBe(0);
  });
});
