import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { ConfigError, StoreUnavailableError } from '../errors';
import { isIsoDate } from '../model/recordRules';
import { openStore } from '../store/openStore';
import { EXPORT_FORMATS, type ExportFormat } from './exportFormats';
import { exportFromServer, exportFromStore, ExportHttpError, type WrittenFile } from './exportFiles';

const USAGE = `usage: npm run export -- --out <dir> [--url http://localhost:4000] [--token T | --api-key K] [--format csv|json] [--as-of YYYY-MM-DD]

Writes the graph and the records of implementation for spreadsheets: nodes, relationships, actuals,
task-reports and progress as .csv (UTF-8 with BOM) and .json, and graph.json (both formats unless --format).
With --url it downloads them from a running server (GET /export/<file>, with the credentials given);
without, it reads the configured store directly (DATA_DIR or NEO4J_URI, as the server does).
`;

/** The options of the command, checked. */
export interface ExportCommand {
  readonly out: string;
  readonly url?: string;
  readonly headers: Record<string, string>;
  readonly format?: ExportFormat;
  readonly asOf?: string;
}

/** Reads the command line; throws a message naming the bad option. */
export function parseExportCommand(argv: readonly string[]): ExportCommand {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      'api-key': { type: 'string' },
      format: { type: 'string' },
      'as-of': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  if (!values.out) throw new Error(`--out <dir> is required.\n${USAGE}`);
  if (values.format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
    throw new Error(`--format must be csv or json; got "${values.format}".`);
  }
  if (values['as-of'] !== undefined && !isIsoDate(values['as-of'])) throw new Error(`--as-of must be a date written YYYY-MM-DD; got "${values['as-of']}".`);
  if (values.token !== undefined && values['api-key'] !== undefined) throw new Error('Give --token or --api-key, not both.');
  if ((values.token !== undefined || values['api-key'] !== undefined) && values.url === undefined) {
    throw new Error('--token and --api-key are for a server: add --url (without it the store is read directly and needs none).');
  }
  if (values.url !== undefined && !/^https?:\/\/[^\s]+$/.test(values.url)) throw new Error(`--url must be an http:// or https:// URL; got "${values.url}".`);
  const headers: Record<string, string> = {};
  if (values.token !== undefined) headers.authorization = `Bearer ${values.token}`;
  if (values['api-key'] !== undefined) headers['x-api-key'] = values['api-key'];
  return {
    out: path.resolve(values.out),
    headers,
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values.format !== undefined ? { format: values.format as ExportFormat } : {}),
    ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
  };
}

/** Kùzu's refusal to open a database another process holds. */
function isLockedByAnotherProcess(error: unknown): boolean {
  return error instanceof StoreUnavailableError && /could not set lock/i.test(error.message);
}

/** Runs the command; returns the files written. */
export async function runExport(command: ExportCommand, env: NodeJS.ProcessEnv = process.env): Promise<WrittenFile[]> {
  if (command.url !== undefined) {
    return exportFromServer({ baseUrl: command.url, dir: command.out, headers: command.headers, ...(command.format ? { format: command.format } : {}), ...(command.asOf ? { asOf: command.asOf } : {}) });
  }
  const config = loadConfig(env);
  let store;
  try {
    store = await openStore(config.store);
  } catch (error) {
    if (config.store.kind === 'kuzu' && isLockedByAnotherProcess(error)) {
      throw new Error(
        `The database in ${config.store.dataDir} is open in another process (a running server holds it: Kùzu allows one process per database). ` +
          `Export from that server instead: npm run export -- --out ${command.out} --url http://localhost:${config.port}`,
        { cause: error },
      );
    }
    throw error;
  }
  try {
    return await exportFromStore(store, { dir: command.out, asOf: command.asOf ?? new Date().toISOString().slice(0, 10), ...(command.format ? { format: command.format } : {}) });
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  (async () => {
    const command = parseExportCommand(process.argv.slice(2));
    const started = Date.now();
    const written = await runExport(command);
    for (const { file, bytes } of written) process.stdout.write(`${file}\t${bytes} bytes\n`);
    process.stdout.write(`exported ${written.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  })().catch((error: unknown) => {
    const known = error instanceof ConfigError || error instanceof ExportHttpError || (error instanceof Error && error.constructor === Error);
    process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(known ? 2 : 1);
  });
}
