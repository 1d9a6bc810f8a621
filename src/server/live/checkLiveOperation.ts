import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { BadRequestError, ErrorCode, OperationLimitError } from '../../errors';
import { LIMIT_SETTINGS } from '../limits/analyseOperation';
import type { OperationAnalyser } from '../limits/OperationAnalyser';
import { countTokensUpTo } from '../limits/tokenGate';
import { sha256Hex } from '../posture/trustedDocuments';

/** What a client's `subscribe` message carries (graphql-transport-ws). */
export interface LivePayload {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Record<string, unknown> | null;
}

/** An operation accepted to run on a live connection. */
export interface LiveOperation {
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
}

/** The trusted-documents posture, as for HTTP (src/server/posture/trustedDocuments.ts). */
export interface TrustedPosture {
  readonly documents: ReadonlyMap<string, string>;
  readonly only: boolean;
}

/**
 * Checks one operation sent over a live connection, with the same rules and
 * codes as over HTTP, before anything runs:
 * - with TRUSTED_DOCUMENTS_ONLY, a document that is not registered is UNTRUSTED_DOCUMENT;
 * - over LIMIT_MAX_TOKENS tokens (counted before parsing) is OPERATION_LIMIT_EXCEEDED;
 * - a syntax error is GRAPHQL_PARSE_FAILED, an invalid document GRAPHQL_VALIDATION_FAILED;
 * - no operation of that name (or several without one) is BAD_REQUEST;
 * - the shape and cost limits (the analyser's, as over HTTP) are OPERATION_LIMIT_EXCEEDED;
 * - a query or a mutation is BAD_REQUEST: a live connection serves
 *   subscriptions only (queries and mutations go over HTTP, with its
 *   deadline, admission and answer size cap).
 * Returns the operation, or the errors to send (one).
 */
export function checkLiveOperation(schema: GraphQLSchema, analyser: OperationAnalyser, trusted: TrustedPosture | undefined, payload: LivePayload): LiveOperation | readonly GraphQLError[] {
  const { maxTokens } = analyser.limits;
  if (trusted?.only && !trusted.documents.has(sha256Hex(payload.query))) {
    return [new BadRequestError('This server answers registered (trusted) documents only, and this document is not registered.', 400, ErrorCode.UNTRUSTED_DOCUMENT)];
  }
  if (countTokensUpTo(payload.query, maxTokens) > maxTokens) {
    return [new OperationLimitError('number of tokens', `more than ${maxTokens}`, maxTokens, LIMIT_SETTINGS.tokens)];
  }
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens });
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : String(error);
    return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) {
    return [new GraphQLError(invalid[0]?.message ?? 'The document is not valid.', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })];
  }
  const operationName = payload.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return [new BadRequestError(operationName ? `The document has no operation named ${JSON.stringify(operationName)}.` : 'The document has several operations: name the one to run (operationName).')];
  }
  const variables = payload.variables ?? undefined;
  try {
    analyser.analyse({ schema, document, operation, request: { ...(variables ? { variables } : {}) } });
  } catch (refusal) {
    if (refusal instanceof GraphQLError) return [refusal];
    throw refusal;
  }
  if (operation.operation !== 'subscription') {
    return [new BadRequestError(`This WebSocket serves subscriptions only; send a ${operation.operation} over HTTP (POST /graphql).`)];
  }
  return { document, operationName, variables };
}
