/**
 * Writes web/trusted-documents.json: the trusted-documents manifest (sha256
 * hex -> document) of every operation (query, mutation, subscription) the dashboard, the graph explorer and the IDE examples send.
 * `npm run trusted-documents`; test/http/posture.test.ts checks it is current.
 * Serve it with TRUSTED_DOCUMENTS=web/trusted-documents.json (and
 * TRUSTED_DOCUMENTS_ONLY=true to refuse every other document).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildTrustedManifest } from '../src/server/posture/trustedDocuments';
import * as dashboard from '../web/src/dashboard/queries';
import * as explorer from '../web/src/explorer/queries';
import { EXAMPLES } from '../web/src/ide/examples';

/** Where the manifest is written. */
export const TRUSTED_MANIFEST = path.resolve(__dirname, '../web/trusted-documents.json');

/** The manifest's text for the current dashboard queries and IDE examples. */
export function trustedManifestText(): string {
  const documents = [
    ...[...Object.entries(dashboard), ...Object.entries(explorer)]
      .filter(([name, value]) => /_(QUERY|MUTATION|SUBSCRIPTION)$/.test(name) && typeof value === 'string')
      .map(([, value]) => value as string),
    ...EXAMPLES.map((example) => example.query),
  ];
  return `${JSON.stringify(buildTrustedManifest(documents), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(TRUSTED_MANIFEST, trustedManifestText());
  process.stdout.write(`wrote ${TRUSTED_MANIFEST}\n`);
}
