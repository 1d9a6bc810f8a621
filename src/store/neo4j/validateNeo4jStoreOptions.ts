import { ConfigError } from '../../errors';
import { NEO4J_OPTION_VARIABLES, NEO4J_URI_SCHEMES, type Neo4jStoreOptions } from './Neo4jStoreOptions';

/**
 * Checks every option once and returns them unchanged. Throws a
 * {@link ConfigError} listing each bad option by its variable name and value
 * (never the password's value; user info in a URI is masked).
 */
export function validateNeo4jStoreOptions(options: Neo4jStoreOptions): Neo4jStoreOptions {
  const problems: string[] = [];
  const v = NEO4J_OPTION_VARIABLES;

  const uriProblem = checkUri(options.uri);
  if (uriProblem) problems.push(`${v.uri} ${uriProblem}`);

  if (typeof options.username !== 'string' || options.username.trim() === '') {
    problems.push(`${v.username} must name the Neo4j user (got ${describe(options.username)})`);
  }
  if (typeof options.password !== 'string' || options.password === '') {
    problems.push(`${v.password} must hold the Neo4j user's password (it is ${options.password === '' ? 'empty' : 'not a string'})`);
  }
  if (options.database !== undefined) {
    if (typeof options.database !== 'string' || options.database.trim() === '' || /\s/.test(options.database)) {
      problems.push(`${v.database} must be a database name without spaces, or unset for the home database (got ${describe(options.database)})`);
    }
  }
  checkPositiveInteger(options.maxConnectionPoolSize, v.maxConnectionPoolSize, problems);
  checkPositiveInteger(options.connectionAcquisitionTimeoutMs, v.connectionAcquisitionTimeoutMs, problems);
  checkPositiveInteger(options.connectionTimeoutMs, v.connectionTimeoutMs, problems);
  checkPositiveInteger(options.maxTransactionRetryTimeMs, v.maxTransactionRetryTimeMs, problems, true);

  if (problems.length > 0) {
    throw new ConfigError(`Invalid Neo4j settings:\n  - ${problems.join('\n  - ')}`);
  }
  return options;
}

function checkUri(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || uri.trim() === '') return `must be a URI such as neo4j://localhost:7687 (got ${describe(uri)})`;
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(uri);
  if (!match) return `"${maskUserInfo(uri)}" is not a URI of the form scheme://host[:port]`;
  const scheme = (match[1] ?? '').toLowerCase();
  if (!(NEO4J_URI_SCHEMES as readonly string[]).includes(scheme)) {
    return `"${maskUserInfo(uri)}" has the scheme "${scheme}"; use one of ${NEO4J_URI_SCHEMES.join(', ')}`;
  }
  const authority = match[2] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host === '' || host.startsWith(':')) return `"${maskUserInfo(uri)}" names no host`;
  return undefined;
}

function checkPositiveInteger(value: unknown, variable: string, problems: string[], allowZero = false): void {
  if (value === undefined) return;
  const min = allowZero ? 0 : 1;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    problems.push(`${variable} must be an integer >= ${min} (got ${describe(value)})`);
  }
}

function maskUserInfo(uri: string): string {
  return uri.replace(/^([^:]+:\/\/)[^@/]*@/, '$1***@');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  return String(value);
}
