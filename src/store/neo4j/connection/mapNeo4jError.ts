import { Neo4jError } from 'neo4j-driver';
import { ConfigError, StoreConflictError, StoreInputError, StoreOverloadedError, StoreTimeoutError, StoreUnavailableError } from '../../../errors';
import { NEO4J_OPTION_VARIABLES } from '../Neo4jStoreOptions';

const V = NEO4J_OPTION_VARIABLES;

/** Codes that mean the database cannot serve now; the driver already retried them. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
  'Neo.DatabaseError.General.DatabaseUnavailable',
]);

/**
 * Codes of a transaction or statement stopped by a time limit: the timeout
 * the adapter set from the call's deadline (`...ClientConfiguration`), the
 * server's `db.transaction.timeout`, a lock wait cut by that termination,
 * and the execution and procedure time limits.
 */
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.TransientError.Statement.ExecutionTimeout',
  'Neo.ClientError.Procedure.ProcedureTimedOut',
]);

/**
 * Codes of work refused for lack of room now (memory pools, transaction
 * memory, threads, concurrent transactions): retryable later, not an outage.
 */
const OVERLOAD_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.Request.NoThreadsAvailable',
  'Neo.TransientError.Transaction.MaximumTransactionLimitReached',
]);

/** The driver's message when no pooled connection became free in time (NEO4J_ACQUISITION_TIMEOUT_MS). */
const ACQUISITION_TIMEOUT = /^Connection acquisition timed out/;

/** Security codes that mean the credentials are wrong, expired or locked. */
const CREDENTIAL_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.TokenExpired',
  'Neo.ClientError.Security.AuthorizationExpired',
]);

/**
 * The one place where errors of neo4j-driver 6 become the errors of the port.
 *
 * - Errors this adapter raised itself ({@link StoreInputError},
 *   {@link StoreUnavailableError}, {@link StoreTimeoutError},
 *   {@link StoreOverloadedError}, {@link ConfigError}) pass through.
 * - A transaction or statement stopped by a time limit (above all the
 *   timeout set from the call's deadline) becomes {@link StoreTimeoutError}.
 * - Memory limits, no free thread, too many transactions, and no pooled
 *   connection free in time become {@link StoreOverloadedError} (checked
 *   before the transient rule below: the driver retried them already).
 * - No server, lost session, database unavailable, a cluster without a
 *   leader and every `Neo.TransientError.*` (left after the driver's own
 *   retries) become {@link StoreUnavailableError}.
 * - A uniqueness-constraint violation becomes {@link StoreInputError} naming
 *   the id found in the server's message.
 * - Authentication failures become {@link ConfigError} naming
 *   NEO4J_USERNAME / NEO4J_PASSWORD; missing privileges name NEO4J_USERNAME;
 *   an unknown database names NEO4J_DATABASE.
 * - Anything else (a Cypher syntax or type error is a bug in a generated
 *   statement) becomes a plain Error keeping the code, message and cause.
 *
 * @param error what was thrown
 * @param doing what the adapter was doing, e.g. "listNodes(Task)", for the message
 */
export function mapNeo4jError(error: unknown, doing: string): Error {
  if (
    error instanceof StoreInputError ||
    error instanceof StoreConflictError ||
    error instanceof StoreUnavailableError ||
    error instanceof StoreTimeoutError ||
    error instanceof StoreOverloadedError ||
    error instanceof ConfigError
  ) {
    return error;
  }
  if (!(error instanceof Neo4jError)) {
    return error instanceof Error ? error : new Error(`Neo4j store failed while ${doing}: ${String(error)}`);
  }
  const code = error.code ?? '';
  const detail = `${code}: ${error.message}`;
  if (TIMEOUT_CODES.has(code)) {
    return new StoreTimeoutError(`Neo4j stopped the transaction at its time limit while ${doing} (${detail})`, { cause: error });
  }
  if (OVERLOAD_CODES.has(code) || ACQUISITION_TIMEOUT.test(error.message)) {
    return new StoreOverloadedError(`Neo4j has no room for the work now while ${doing}; retry later (${detail})`, { cause: error });
  }
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.') || isConnectionException(error)) {
    return new StoreUnavailableError(`Neo4j store unavailable while ${doing} (${detail})`, { cause: error });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    const id = /property `id` = '((?:[^'\\]|\\.)*)'/.exec(error.message)?.[1];
    const what = id !== undefined ? `the id "${id}" is already used by another node` : 'the data breaks a constraint';
    return new StoreInputError(`Neo4j rejected the data while ${doing}: ${what} (${detail})`, { cause: error });
  }
  if (CREDENTIAL_CODES.has(code)) {
    return new ConfigError(
      `Neo4j refused to log in (${detail}); check ${V.username} and ${V.password}`,
    );
  }
  if (code === 'Neo.ClientError.Security.CredentialsExpired') {
    return new ConfigError(
      `The password of the Neo4j user in ${V.username} has expired (${detail}); change it on the server and update ${V.password}`,
    );
  }
  if (code === 'Neo.ClientError.Security.Forbidden' || code === 'Neo.ClientError.Security.AuthorizationFailed') {
    return new ConfigError(`The Neo4j user in ${V.username} lacks a privilege needed while ${doing} (${detail})`);
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new ConfigError(`The Neo4j database named by ${V.database} does not exist (${detail})`);
  }
  return new Error(`Neo4j failed while ${doing} (${detail})`, { cause: error });
}

/** GQL status class 08 is "connection exception" (servers and drivers that report GQL statuses). */
function isConnectionException(error: Neo4jError): boolean {
  return typeof error.gqlStatus === 'string' && error.gqlStatus.startsWith('08');
}
