import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

/**
 * `npm start`'s process (src/main.ts, Kùzu, NODE_ENV=production as npm start
 * runs it) on SIGTERM while a keep-alive client keeps sending requests on one
 * connection: it stops the server, closes the store ("stopped" is logged
 * after store.close()) and ends with code 0, nothing logged at error level.
 * (Before, Apollo's own SIGTERM handler stopped Apollo concurrently with
 * ours, and Apollo 5's stop() never settles for a second caller while the
 * first is still stopping: our shutdown hung before closing the store. On
 * Kùzu the emptied event loop then ended the process, store not closed; on
 * Neo4j the driver's open sockets kept it running until killed.)
 */
const ROOT = path.resolve(__dirname, '../..');

describe('SIGTERM', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-sigterm-'));
  });
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops the server, closes the store and ends with code 0 while a keep-alive client is busy, without an error in the log', async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', KUZU_BUFFER_POOL_MB: '256' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const lines: Record<string, unknown>[] = [];
    let stderr = '';
    server.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: server.stdout as NodeJS.ReadableStream }).on('line', (text) => {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (typeof line.url === 'string') resolve(line.url);
      });
      void exited.then((code) => reject(new Error(`the server exited with ${code} before serving: ${stderr}`)));
    });

    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const answers: { status: number; connection: string | undefined }[] = [];
    let ended = false;
    const poller = (async () => {
      while (!ended) {
        try {
          answers.push(await post(agent, url, '{ agencies(first: 20) { totalCount nodes { id name leads { code } } } }'));
        } catch {
          ended = true; // refused or reset: the server is gone
        }
      }
    })();
    while (answers.length < 5) await new Promise((resolve) => setTimeout(resolve, 20));
    server.kill('SIGTERM');
    const code = await exited;
    ended = true;
    await poller;
    agent.destroy();

    expect(code).toBe(0);
    expect(answers.slice(0, 5).every((a) => a.status === 200)).toBe(true);
    expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
  }, 300_000);
});

function post(agent: http.Agent, url: string, query: string): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
    });
    request.on('error', reject);
    request.end(JSON.stringify({ query }));
  });
}
