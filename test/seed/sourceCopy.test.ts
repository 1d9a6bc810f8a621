import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PLAN_TEXT_PATH, SHARED_PLAN_TEXT_PATH } from './planText';

/** The checksums recorded beside the source (`sha256sum` format: `<hex>  <file>`). */
const SUMS_PATH = path.join(path.dirname(PLAN_TEXT_PATH), 'SHA256SUMS');

function recordedSha256(file: string): string | undefined {
  for (const line of fs.readFileSync(SUMS_PATH, 'utf8').split('\n')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (match && match[2] === file) return match[1];
  }
  return undefined;
}

describe('the plan text the seed is checked against', () => {
  it('is kept in the repo, so the fidelity tests run on any clone', () => {
    expect(fs.readFileSync(PLAN_TEXT_PATH, 'utf8')).toContain('Quyết định số 202/QĐ-UBND');
  });

  it('has the SHA-256 recorded beside it in seed/sources/SHA256SUMS', () => {
    const recorded = recordedSha256(path.basename(PLAN_TEXT_PATH));
    expect(recorded).toMatch(/^[0-9a-f]{64}$/);
    expect(createHash('sha256').update(fs.readFileSync(PLAN_TEXT_PATH)).digest('hex')).toBe(recorded);
  });

  const shared = fs.existsSync(SHARED_PLAN_TEXT_PATH);
  if (!shared) console.log(`comparison with the shared copy skipped: ${SHARED_PLAN_TEXT_PATH} is not beside this checkout (the SHA-256 check above still ran)`);
  (shared ? it : it.skip)('is byte for byte the shared source document, where one is beside the checkout', () => {
    expect(fs.readFileSync(PLAN_TEXT_PATH)).toEqual(fs.readFileSync(SHARED_PLAN_TEXT_PATH));
  });
});
