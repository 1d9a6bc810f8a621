import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import type { GraphStore } from '../store/port';
import { EXPORT_FILES, exportFileChunks, formatOf, type ExportFileName, type ExportFormat } from './exportFormats';
import { EXPORT_PAGE_SIZE } from './exportTables';

/** The files of an export in `format` (both formats when absent), graph.json with the JSON ones. */
export function filesOf(format: ExportFormat | undefined): ExportFileName[] {
  return EXPORT_FILES.filter((file) => format === undefined || formatOf(file) === format);
}

/** What was written: each file and its size in bytes. */
export interface WrittenFile {
  readonly file: string;
  readonly bytes: number;
}

/** Writes `source` to `dir/file` through a temporary `.part` file renamed at the end, so a file that exists is whole. */
async function writeWhole(dir: string, file: string, source: Readable): Promise<WrittenFile> {
  const target = path.join(dir, file);
  const part = `${target}.part`;
  try {
    await pipeline(source, fs.createWriteStream(part));
    fs.renameSync(part, target);
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw error;
  }
  return { file: target, bytes: fs.statSync(target).size };
}

/**
 * Writes the export files straight from `store` (the same text the server's
 * GET /export/<file> sends), each through the port in pages at 'bulk' priority.
 */
export async function exportFromStore(
  store: GraphStore,
  options: { dir: string; format?: ExportFormat; asOf: string; signal?: AbortSignal; files?: readonly ExportFileName[] },
): Promise<WrittenFile[]> {
  fs.mkdirSync(options.dir, { recursive: true });
  const written: WrittenFile[] = [];
  const exportedAt = new Date().toISOString();
  for (const file of options.files ?? filesOf(options.format)) {
    const chunks = exportFileChunks(
      file,
      store,
      { call: { priority: 'bulk', ...(options.signal ? { signal: options.signal } : {}) }, pageSize: EXPORT_PAGE_SIZE, asOf: options.asOf },
      exportedAt,
    );
    written.push(await writeWhole(options.dir, file, Readable.from(chunks)));
  }
  return written;
}

/** A refusal of the server, with its status and the message of its JSON error when it sent one. */
export class ExportHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ExportHttpError';
  }
}

/**
 * Downloads the export files from a running server (`baseUrl`, e.g.
 * http://localhost:4000) with the given credentials headers, one file at a
 * time (a server streams at most EXPORT_CONCURRENCY exports at once).
 */
export async function exportFromServer(options: { baseUrl: string; dir: string; format?: ExportFormat; asOf?: string; headers: Record<string, string> }): Promise<WrittenFile[]> {
  fs.mkdirSync(options.dir, { recursive: true });
  const written: WrittenFile[] = [];
  for (const file of filesOf(options.format)) {
    const url = new URL(`/export/${file}`, options.baseUrl);
    if (options.asOf) url.searchParams.set('asOf', options.asOf);
    const response = await fetch(url, { headers: options.headers });
    if (response.status !== 200 || !response.body) {
      const text = await response.text();
      let message = text.slice(0, 500);
      try {
        message = (JSON.parse(text) as { errors?: { message?: string }[] }).errors?.[0]?.message ?? message;
      } catch {
        // not JSON: keep the text
      }
      throw new ExportHttpError(response.status, `GET ${url.href} answered ${response.status}: ${message}`);
    }
    written.push(await writeWhole(options.dir, file, Readable.fromWeb(response.body as ReadableStream<Uint8Array>)));
  }
  return written;
}
