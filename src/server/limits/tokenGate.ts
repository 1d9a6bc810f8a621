import { Lexer, Source, TokenKind } from 'graphql';
import type { RequestHandler } from 'express';
import { ErrorCode, OperationLimitError } from '../../errors';
import type { ClientErrorLog } from '../errors/ClientErrorLog';
import { sendJsonError } from '../errors/httpErrors';
import { LIMIT_SETTINGS } from './analyseOperation';

/**
 * Counts the lexical tokens of `text` with graphql's own lexer, stopping at
 * `max + 1`: the cost is bounded by the limit, not by the document. A
 * document the lexer rejects counts as 0 (Apollo's parser then reports it).
 */
export function countTokensUpTo(text: string, max: number): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return 0;
  }
  return count;
}

/**
 * The token limit at the HTTP edge (after the JSON body parser): a document
 * over `maxTokens` is refused 400 OPERATION_LIMIT_EXCEEDED before Apollo
 * hashes or parses it. (Apollo's parse has the same limit as `maxTokens` for
 * other paths, but graphql's syntax error then locates itself by scanning the
 * whole document: ~2-30 ms for 1 MB, measured, against ~0.4 ms here.)
 */
export function tokenGate(maxTokens: number, log: ClientErrorLog): RequestHandler {
  return (req, res, next) => {
    const body = req.method === 'POST' && typeof req.body === 'object' && req.body !== null ? (req.body as { query?: unknown }) : undefined;
    const query = req.method === 'POST' ? body?.query : (req.query as Record<string, unknown>).query;
    if (typeof query !== 'string' || countTokensUpTo(query, maxTokens) <= maxTokens) return next();
    const error = new OperationLimitError('number of tokens', `more than ${maxTokens}`, maxTokens, LIMIT_SETTINGS.tokens);
    log.note(ErrorCode.OPERATION_LIMIT_EXCEEDED, error.message);
    const { http: _http, ...extensions } = error.extensions;
    sendJsonError(res, 400, error.message, ErrorCode.OPERATION_LIMIT_EXCEEDED, extensions);
  };
}
