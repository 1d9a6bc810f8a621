/**
 * Strings the Neo4j adapter orders in JavaScript are ordered by code point,
 * as Neo4j 5 orders them in ORDER BY and as the Kùzu adapter does: U+FFFF
 * sorts before an astral character (U+1F600), although `<` on UTF-16 units
 * would put the astral one (surrogate D83D) first.
 */
import { int } from 'neo4j-driver';
import { createNeo4jStore, FakeDriver } from '../support/fakeNeo4jDriver';

const BMP_LAST = '\uFFFF';
const ASTRAL = '\u{1F600}';

describe('string order of the Neo4j adapter', () => {
  it('orders the groups of countNodes by code point, astral characters after U+FFFF', async () => {
    expect(ASTRAL < BMP_LAST).toBe(true); // what UTF-16 unit order would give
    const fake = new FakeDriver(() => ({
      rows: [
        { value: `a${ASTRAL}`, count: int(1) },
        { value: null, count: int(4) },
        { value: `a${BMP_LAST}`, count: int(2) },
        { value: 'a', count: int(3) },
      ],
    }));
    const groups = await createNeo4jStore(fake, undefined).countNodes({ kind: 'Task', groupBy: 'code' });
    expect(groups.map((g) => g.value)).toEqual(['a', `a${BMP_LAST}`, `a${ASTRAL}`, null]);
  });
});
