import fs from 'node:fs';
import { PLAN_TEXT_PATH, SHARED_PLAN_TEXT_PATH } from './planText';

describe('the plan text the seed is checked against', () => {
  it('is kept in the repo, so the fidelity tests run on any clone', () => {
    expect(fs.readFileSync(PLAN_TEXT_PATH, 'utf8')).toContain('Quyết định số 202/QĐ-UBND');
  });

  const shared = fs.existsSync(SHARED_PLAN_TEXT_PATH);
  if (!shared) console.log(`source copy check skipped: ${SHARED_PLAN_TEXT_PATH} is not beside this checkout`);
  (shared ? it : it.skip)('is byte for byte the shared source document', () => {
    expect(fs.readFileSync(PLAN_TEXT_PATH)).toEqual(fs.readFileSync(SHARED_PLAN_TEXT_PATH));
  });
});
