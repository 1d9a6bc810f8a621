// @ts-check
/**
 * One temporary directory per test run. Jest's global setup makes it and points TMPDIR at it, so
 * every `os.tmpdir()` in the run (Kùzu stores, Chromium profiles, export files, server data
 * directories) lands inside it, in the parent process and in the workers it starts; the global
 * teardown removes it. A worker that jest has to kill still leaves nothing behind: its files go
 * with the directory. A run that was itself killed leaves its directory, named with its pid; the
 * next run removes directories whose process is gone.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PREFIX = 'kg-test-run-';

/** Whether a process with this pid is alive (a process we may not signal counts as alive). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** Removes run directories left by test runs that were killed. */
function removeAbandoned(parent) {
  for (const name of fs.readdirSync(parent)) {
    const match = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (match && !alive(Number(match[1]))) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/** Makes the run's directory and sets TMPDIR to it; returns its path. */
function enterRunTemp() {
  const parent = os.tmpdir();
  removeAbandoned(parent);
  const directory = fs.mkdtempSync(path.join(parent, `${PREFIX}${process.pid}-`));
  process.env.KG_TEST_RUN_TEMP = directory;
  process.env.TMPDIR = directory;
  return directory;
}

/** Removes the run's directory (what enterRunTemp made), if this process made one. */
function leaveRunTemp() {
  const directory = process.env.KG_TEST_RUN_TEMP;
  if (!directory) return;
  fs.rmSync(directory, { recursive: true, force: true });
}

module.exports = { enterRunTemp, leaveRunTemp, PREFIX };
