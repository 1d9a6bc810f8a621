import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A server process started for a benchmark. */
export interface BenchServer {
  readonly url: string;
  /** The server's own pid (it runs with `node --import tsx`, no wrapper process), for reading its RSS. */
  readonly pid: number;
  /** Seconds from spawn until /ready answered. */
  readonly readySeconds: number;
  /** Stops the server; removes the data directory when this function created it. */
  stop(): Promise<void>;
}

/** Options of {@link startBenchServer}. */
export interface BenchServerOptions {
  /** Serve this existing database; default: a fresh temporary one with the plan loaded (removed on stop). */
  readonly dataDir?: string;
  /** Extra environment for the server. */
  readonly env?: Record<string, string>;
  /** How long to wait for /ready (default 120 s). */
  readonly readyTimeoutMs?: number;
  /** Extra arguments for node before the script, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] (written when the server stops). */
  readonly nodeArgs?: readonly string[];
  /** The server's entry module, relative to the repository root (default `src/main.ts`); it must answer `GET /ready`. */
  readonly entry?: string;
  /** Modules loaded before the entry (`--import`), relative to the repository root, e.g. a driver probe. */
  readonly imports?: readonly string[];
}

const ROOT = path.resolve(__dirname, '..');

/** How long stop() waits after SIGTERM before SIGKILL (the server itself waits up to 10 s for running requests). */
const STOP_GRACE_MS = 30_000;

/** Starts `src/main.ts` (or `options.entry`) in its own process (so the load generator does not share its event loop) and waits for /ready. */
export async function startBenchServer(port: number, options: BenchServerOptions = {}): Promise<BenchServer> {
  const started = Date.now();
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-'));
  // `--import tsx` keeps the server in this one process (tsx's CLI would fork a child whose RSS we could not read).
  const imports = (options.imports ?? []).flatMap((file) => ['--import', pathToFileURL(path.join(ROOT, file)).href]);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', ...imports, path.join(ROOT, options.entry ?? 'src/main.ts')], {
    cwd: ROOT,
    env: { NODE_ENV: 'production', ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        // A server that has not exited STOP_GRACE_MS after SIGTERM is killed, so a benchmark always ends.
        const kill = setTimeout(() => {
          process.stderr.write(`bench server ${child.pid} still running ${STOP_GRACE_MS / 1000} s after SIGTERM: killing it\n`);
          child.kill('SIGKILL');
        }, STOP_GRACE_MS);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const timeout = options.readyTimeoutMs ?? 120_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with code ${child.exitCode}`);
    }
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not become ready within ${timeout / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid ?? -1, readySeconds: (Date.now() - started) / 1000, stop };
}
