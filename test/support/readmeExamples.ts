import fs from 'node:fs';
import path from 'node:path';

/**
 * The README's GraphQL examples (its fenced `graphql` blocks) that a client sends over HTTP to
 * this server: all but the federation example, which runs through a gateway, and the
 * subscriptions, which run over WebSocket (test/api/subscriptions.test.ts).
 */
export function readmeHttpExamples(): string[] {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? '')
    .filter((query) => !query.includes('archivedDocuments'))
    .filter((query) => !/^\s*subscription\b/.test(query));
}
