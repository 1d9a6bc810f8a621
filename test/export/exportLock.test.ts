import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseExportCommand, runExport } from '../../src/export/cli';

/**
 * The command without --url opens the configured embedded store itself; Kùzu
 * lets one process hold a database, so while a server (here a stand-in
 * process) holds it the command says so and names the --url way instead.
 */
describe('npm run export on an embedded database another process holds', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-export-lock-'));
  const dataDir = path.join(dir, 'data');
  let holder: ChildProcess | undefined;

  afterAll(() => {
    holder?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says the database is held by another process and suggests --url', async () => {
    const script = `const { openKuzuStore } = require(${JSON.stringify(path.resolve(__dirname, '../../src/store/kuzu/openKuzuStore'))});
openKuzuStore({ path: process.argv[1] }).then(() => { process.stdout.write('open\\n'); setInterval(() => undefined, 1000); });`;
    holder = spawn(process.execPath, ['--import', 'tsx', '-e', script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      holder!.stdout!.on('data', (data: Buffer) => (data.toString().includes('open') ? resolve() : undefined));
      holder!.once('exit', (code) => reject(new Error(`the holding process exited with ${code}`)));
    });
    await expect(runExport(parseExportCommand(['--out', path.join(dir, 'out')]), { DATA_DIR: dataDir, PORT: '4000' })).rejects.toThrow(
      /is open in another process .*--url http:\/\/localhost:4000/,
    );
  });
});
