import type { RequestHandler } from 'express';

/**
 * Headers of every answer of the GraphQL endpoint: `X-Content-Type-Options:
 * nosniff` (a JSON answer is never sniffed as HTML) and `Cache-Control:
 * no-store` (answers may differ per caller and change with every write; no
 * shared or browser cache keeps them).
 */
export const graphqlHeaders: RequestHandler = (_req, res, next) => {
  res.set('X-Content-Type-Options', 'nosniff');
  res.set('Cache-Control', 'no-store');
  next();
};
