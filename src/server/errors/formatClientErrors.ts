import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { BadRequestError, ErrorCode, OperationLimitError } from '../../errors';
import { LIMIT_SETTINGS } from '../limits/analyseOperation';
import type { ClientErrorLog } from './ClientErrorLog';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Codes of errors that are the client's doing (logged at info, throttled), never the server's. */
const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.BAD_REQUEST,
  ErrorCode.OPERATION_LIMIT_EXCEEDED,
  ErrorCode.UNTRUSTED_DOCUMENT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.CONFLICT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** graphql's message when `parse(..., { maxTokens })` stops (graphql 16 writes "more that"). */
const TOKEN_LIMIT = /Document contains more (?:than|that) (\d+) tokens/;

/**
 * Gives a client error its own code where Apollo or graphql raise it without
 * one that says what happened: the token limit (a parse error) becomes
 * OPERATION_LIMIT_EXCEEDED naming LIMIT_MAX_TOKENS; an Apollo request error
 * with a 4xx status but no code (a persisted-query hash that does not match
 * its query, an unsupported persisted-query version) becomes BAD_REQUEST.
 * Returns undefined for everything else.
 */
export function recodeClientError(error: unknown): GraphQLError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const original = error.originalError instanceof GraphQLError ? error.originalError : error;
  const tokens = TOKEN_LIMIT.exec(original.message);
  if (tokens) {
    const maximum = Number(tokens[1]);
    return new OperationLimitError('number of tokens', `more than ${maximum}`, maximum, LIMIT_SETTINGS.tokens);
  }
  const http = error.extensions.http as { status?: number } | undefined;
  if (error.extensions.code === undefined && http?.status !== undefined && http.status >= 400 && http.status < 500) {
    return new BadRequestError(error.message, http.status);
  }
  return undefined;
}

/**
 * Wraps the API's `formatError`: recodes client errors ({@link recodeClientError}),
 * never sends the internal `http` extension, and notes every client error in
 * the throttled {@link ClientErrorLog} (server errors keep the base formatter's
 * error-level log).
 */
export function formatClientErrors(base: FormatError, log: ClientErrorLog): FormatError {
  return (formatted, error) => {
    const recoded = recodeClientError(error);
    const result = recoded ? { message: recoded.message, extensions: { ...recoded.extensions } } : base(formatted, error);
    if (result.extensions && 'http' in result.extensions) {
      const { http: _http, ...extensions } = result.extensions;
      return noteClientError({ ...result, extensions }, log);
    }
    return noteClientError(result, log);
  };
}

function noteClientError(result: GraphQLFormattedError, log: ClientErrorLog): GraphQLFormattedError {
  const code = result.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) log.note(code, result.message, { path: result.path });
  return result;
}
