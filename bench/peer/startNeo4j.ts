import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

/** A Neo4j started by the project's launcher for a benchmark. */
export interface LaunchedNeo4j {
  /** NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD as the launcher printed them. */
  readonly env: Readonly<Record<'NEO4J_URI' | 'NEO4J_USERNAME' | 'NEO4J_PASSWORD', string>>;
  /** Where the launcher's own log (Neo4j's output) goes. */
  readonly log: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');
/** The project's launcher (tools/neo4j, `npm run neo4j`); NEO4J_LAUNCHER names another copy of it. */
const LAUNCHER = process.env.NEO4J_LAUNCHER || path.join(ROOT, 'tools/neo4j/neo4j.sh');
/** JVM options for a benchmark: a larger heap than the tests' default and the full JIT. NEO4J_LAUNCHER_JAVA_OPTS overrides them. */
const BENCH_JAVA_OPTS = '-Xms1g -Xmx2g';

/**
 * Starts one throw-away Neo4j with `tools/neo4j/neo4j.sh --instances 1
 * --stop-on-stdin-eof` (it builds itself on first use: Java 17+ and Maven),
 * waits for its `NEO4J_READY` line (at most `timeoutMs`) and returns the
 * credentials it printed. `stop()` closes its standard input and waits for
 * it to exit. Throws when the launcher is missing or exits before it is ready.
 */
export async function startNeo4j(timeoutMs = 900_000): Promise<LaunchedNeo4j> {
  if (!fs.existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: set NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD instead`);
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-neo4j-')), 'launcher.log');
  const child = spawn('bash', [LAUNCHER, '--instances', '1', '--stop-on-stdin-eof'], {
    env: { NEO4J_LAUNCHER_JAVA_OPTS: BENCH_JAVA_OPTS, ...process.env },
    stdio: ['pipe', 'pipe', fs.openSync(log, 'w')],
  });
  const { stdin, stdout } = child;
  if (!stdin || !stdout) throw new Error('the Neo4j launcher has no standard input or output');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      stdin.end();
    });
  };
  const values = new Map<string, string>();
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the Neo4j launcher was not ready after ${timeoutMs / 1000} s (log: ${log})`)), timeoutMs);
      child.once('exit', (code) => reject(new Error(`the Neo4j launcher exited with code ${code} before it was ready (log: ${log})`)));
      readline.createInterface({ input: stdout }).on('line', (line) => {
        const match = /^(NEO4J_\w+)=(.*)$/.exec(line);
        if (match) values.set(match[1] as string, match[2] as string);
        if (line.startsWith('NEO4J_READY ')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const value = (name: 'NEO4J_URI' | 'NEO4J_USERNAME' | 'NEO4J_PASSWORD') => {
    const found = values.get(name);
    if (found === undefined) throw new Error(`the Neo4j launcher printed no ${name}`);
    return found;
  };
  return { env: { NEO4J_URI: value('NEO4J_URI'), NEO4J_USERNAME: value('NEO4J_USERNAME'), NEO4J_PASSWORD: value('NEO4J_PASSWORD') }, log, stop };
}
