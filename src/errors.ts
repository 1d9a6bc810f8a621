import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Every error the API and the store can raise is defined here. Clients see
 * `extensions.code` from this enum; anything else is masked to
 * INTERNAL_SERVER_ERROR by {@link formatError} and logged with its detail.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** The request's deadline passed (or its client went away) before it finished; retryable. */
  DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED',
  /** The server or the store has no room for the work now (queue full, buffer pool full); retryable. */
  OVERLOADED = 'OVERLOADED',
  /** The answer would be larger than MAX_RESPONSE_BYTES; ask for less (smaller pages, fewer fields). */
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The operation is over one of the limits checked before it runs (depth, aliases, tokens, cost...); HTTP 400. */
  OPERATION_LIMIT_EXCEEDED = 'OPERATION_LIMIT_EXCEEDED',
  /** A request the server cannot take as sent: bad JSON, unknown route, wrong method or media type, a
   * subscription over HTTP (served over WebSocket), a persisted-query hash that does not match. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The deployment answers only registered (trusted) documents, and this one is not registered. */
  UNTRUSTED_DOCUMENT = 'UNTRUSTED_DOCUMENT',
  /** No valid credentials where the operation needs them (a write, or any read when anonymous reading is off); HTTP 401. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Credentials are valid but their role may not do this, or the record may not be changed (a fact seeded from the decision's text); HTTP 403. */
  FORBIDDEN = 'FORBIDDEN',
  /** A write's expected version is not the record's current version; the message names the current one. HTTP 409. */
  CONFLICT = 'CONFLICT',
}

/**
 * An operation over a limit (src/server/limits/), refused before any resolver runs.
 * The message and `extensions` name the limit, the value found and the maximum.
 */
export class OperationLimitError extends GraphQLError {
  constructor(limit: string, found: number | string, maximum: number, setting: string) {
    super(`Operation refused: its ${limit} is ${found}, over the maximum of ${maximum} (${setting}).`, {
      extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit, found, maximum, http: { status: 400 } },
    });
    this.name = 'OperationLimitError';
  }
}

/** What a client that sends a subscription over HTTP is told (BAD_REQUEST). */
export const SUBSCRIPTION_OVER_HTTP = 'A subscription is served over WebSocket at /graphql (the graphql-transport-ws protocol), not over HTTP.';

/** A client mistake in the request itself (see {@link ErrorCode.BAD_REQUEST}); `status` is the HTTP status. */
export class BadRequestError extends GraphQLError {
  constructor(message: string, status = 400, code: ErrorCode = ErrorCode.BAD_REQUEST) {
    super(message, { extensions: { code, http: { status } } });
    this.name = 'BadRequestError';
  }
}

/** A malformed id or argument. The message names the argument and the bad value. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });
    this.name = 'BadUserInputError';
  }
}

/**
 * No valid credentials where they are needed; the message says what was missing or wrong (never the secret).
 * Served with HTTP 401 and `WWW-Authenticate: Bearer` (RFC 9110 §15.5.2: a 401 names a scheme; API keys have none).
 */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'This operation needs credentials: send Authorization: Bearer <token> or X-API-Key.') {
    super(message, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="graphql"']]) } },
    });
    this.name = 'UnauthenticatedError';
  }
}

/** The caller may not do this: its role is too low, or the record is read-only; the message says why. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
    this.name = 'ForbiddenError';
  }
}

/** A write's expected version is stale; `currentVersion` is the record's version now. */
export class ConflictError extends GraphQLError {
  readonly currentVersion: number;
  constructor(message: string, currentVersion: number) {
    super(message, { extensions: { code: ErrorCode.CONFLICT, currentVersion, http: { status: 409 } } });
    this.name = 'ConflictError';
    this.currentVersion = currentVersion;
  }
}

/** The store cannot be reached (database down, cluster without a leader). */
export class ServiceUnavailableError extends GraphQLError {
  constructor(message = 'The graph store is unavailable; try again later.') {
    super(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
    this.name = 'ServiceUnavailableError';
  }
}

/**
 * The request did not finish within its deadline (REQUEST_TIMEOUT_MS), or its
 * client went away; retryable. Served with HTTP 504 (see src/server/deadline).
 */
export class DeadlineExceededError extends GraphQLError {
  constructor(message = 'The request did not finish within its deadline; ask for less or retry later.') {
    super(message, { extensions: { code: ErrorCode.DEADLINE_EXCEEDED } });
    this.name = 'DeadlineExceededError';
  }
}

/**
 * The server or the store has no room for the work now (the queue of heavy
 * operations is full, the store's memory is exhausted); retryable after
 * `retryAfterSeconds`. Served with HTTP 503 and `Retry-After`.
 */
export class OverloadedError extends GraphQLError {
  readonly retryAfterSeconds: number;
  constructor(message = 'The server is busy; retry later.', retryAfterSeconds = 1) {
    super(message, { extensions: { code: ErrorCode.OVERLOADED, retryAfterSeconds } });
    this.name = 'OverloadedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Raised by a store adapter when the store is unreachable. Adapters map their
 * driver's errors to this class (or {@link StoreInputError}) in one place.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Raised by a store adapter when a call's deadline passed or its signal was
 * aborted (see CallOptions in src/store/port.ts): before any work started, or
 * when the store cut a running statement short at the time left.
 */
export class StoreTimeoutError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreTimeoutError';
  }
}

/**
 * Raised by a store adapter when the store has no room for the work now but
 * may have later (Kùzu's buffer pool is full, Neo4j's memory pool limit was
 * hit): a retryable overload, not an outage.
 */
export class StoreOverloadedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOverloadedError';
  }
}

/** Raised by a store adapter when the data sent breaks a rule of the store (e.g. a unique id). */
export class StoreInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreInputError';
  }
}

/**
 * Raised by a store adapter when a write expected another state of the
 * record: a stale expected version, or a record already retracted. Clients
 * see CONFLICT with `currentVersion`; the message says what to do.
 */
export class StoreConflictError extends Error {
  readonly currentVersion: number;
  constructor(message: string, currentVersion: number) {
    super(message);
    this.name = 'StoreConflictError';
    this.currentVersion = currentVersion;
  }
}

/** Raised while loading seed files: names the file, the entry and the field that are wrong. */
export class SeedValidationError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Seed data is invalid; nothing was loaded:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SeedValidationError';
    this.problems = problems;
  }
}

/** Raised at start-up when the environment holds a bad setting; names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Minimal logger shape used to record masked errors. */
export interface ErrorLogger {
  error(obj: object, msg: string): void;
}

/**
 * Apollo Server `formatError`: keeps the errors defined here (and GraphQL's own
 * validation errors), maps store errors to their public codes, and masks
 * everything else as INTERNAL_SERVER_ERROR after logging it with its detail.
 */
export function createErrorFormatter(logger: ErrorLogger) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (
      original instanceof BadUserInputError ||
      original instanceof UnauthenticatedError ||
      original instanceof ForbiddenError ||
      original instanceof ConflictError ||
      original instanceof ServiceUnavailableError ||
      original instanceof DeadlineExceededError ||
      original instanceof OverloadedError
    ) {
      return { ...formatted, message: original.message, extensions: { ...original.extensions } };
    }
    if (original instanceof StoreTimeoutError || original instanceof StoreOverloadedError) {
      // Retryable and not the server's fault: coded, never masked, never "unavailable" (detail stays in the adapter's message).
      const publicError = original instanceof StoreTimeoutError ? new DeadlineExceededError() : new OverloadedError();
      return { message: publicError.message, locations: formatted.locations, path: formatted.path, extensions: { ...publicError.extensions } };
    }
    if (original instanceof StoreUnavailableError) {
      logger.error({ err: original }, 'store unavailable');
      const publicError = new ServiceUnavailableError();
      return { message: publicError.message, locations: formatted.locations, path: formatted.path, extensions: { ...publicError.extensions } };
    }
    if (original instanceof StoreInputError) {
      return { ...formatted, message: original.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (original instanceof StoreConflictError) {
      const publicError = new ConflictError(original.message, original.currentVersion);
      return { ...formatted, message: publicError.message, extensions: { ...publicError.extensions } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR && !(original instanceof Error && !(original instanceof GraphQLError))) {
      // Apollo's own request errors (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT for variables...).
      return formatted;
    }
    logger.error({ err: original, path: formatted.path }, 'internal error (masked for the client)');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
