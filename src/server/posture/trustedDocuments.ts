import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { RequestHandler } from 'express';
import { ConfigError, ErrorCode } from '../../errors';
import type { ClientErrorLog } from '../errors/ClientErrorLog';
import { sendJsonError } from '../errors/httpErrors';

/** sha256 of a document's exact text, lower-case hex (the hash APQ and trusted-document clients send). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A manifest of trusted documents: `{ "<sha256 hex>": "<document text>" }`, in hash order. */
export function buildTrustedManifest(documents: readonly string[]): Record<string, string> {
  const entries = documents.map((document) => [sha256Hex(document), document] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Reads a manifest; every entry's hash must be the sha256 of its text. Throws a ConfigError naming the file and the entry. */
export function loadTrustedDocuments(file: string): ReadonlyMap<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`TRUSTED_DOCUMENTS="${file}" cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`TRUSTED_DOCUMENTS="${file}" must hold a JSON object of sha256 hex -> document text`);
  }
  const documents = new Map<string, string>();
  for (const [hash, text] of Object.entries(parsed)) {
    if (typeof text !== 'string' || sha256Hex(text) !== hash) {
      throw new ConfigError(`TRUSTED_DOCUMENTS="${file}": entry "${hash.slice(0, 64)}" is not the sha256 of its document`);
    }
    documents.set(hash, text);
  }
  return documents;
}

interface GraphQLBody {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/**
 * The trusted-documents gate of the GraphQL endpoint (after the JSON body parser):
 * - a POST that sends only a registered hash (`extensions.persistedQuery.sha256Hash`)
 *   gets the registered text, and the extension is removed (so it works with APQ off);
 * - with `only`, any other document is refused 400 UNTRUSTED_DOCUMENT: a text whose
 *   sha256 is not registered, an unknown hash, a GET without the document's text.
 */
export function trustedDocumentsGate(documents: ReadonlyMap<string, string>, only: boolean, log: ClientErrorLog): RequestHandler {
  const refuse = (res: Parameters<RequestHandler>[1], message: string) => {
    log.note(ErrorCode.UNTRUSTED_DOCUMENT, message);
    sendJsonError(res, 400, message, ErrorCode.UNTRUSTED_DOCUMENT);
  };
  return (req, res, next) => {
    const body: GraphQLBody | undefined =
      req.method === 'POST' ? (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as GraphQLBody) : undefined) : undefined;
    const query = req.method === 'POST' ? body?.query : (req.query as Record<string, unknown>).query;
    const hash = body?.extensions?.persistedQuery?.sha256Hash;
    if (typeof query === 'string') {
      const known = documents.has(sha256Hex(query));
      if (only && !known) return refuse(res, 'This server answers registered (trusted) documents only, and this document is not registered.');
      if (known && body?.extensions && typeof hash === 'string' && hash === sha256Hex(query)) delete body.extensions.persistedQuery;
      return next();
    }
    if (body && typeof hash === 'string') {
      const text = documents.get(hash);
      if (text !== undefined) {
        body.query = text;
        delete body.extensions?.persistedQuery;
        return next();
      }
      if (only) return refuse(res, `No trusted document is registered with sha256 ${hash.slice(0, 64)}.`);
      return next();
    }
    // Not a GraphQL request Apollo could run (no query, no hash): Apollo's own 400, or a page route.
    if (only && req.method === 'GET' && (req.query as Record<string, unknown>).extensions !== undefined) {
      return refuse(res, 'Send the document text (GET) or POST its registered hash.');
    }
    return next();
  };
}
