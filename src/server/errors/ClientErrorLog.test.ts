import { ClientErrorLog } from './ClientErrorLog';

describe('ClientErrorLog', () => {
  const setup = () => {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    let now = 0;
    const log = new ClientErrorLog({ info: (obj, msg) => void lines.push({ obj: obj as Record<string, unknown>, msg }) }, 60_000, () => now);
    return { lines, log, advance: (ms: number) => (now += ms) };
  };

  it('logs the first failure of each kind, then only a count of the repeats per interval', () => {
    const { lines, log, advance } = setup();
    for (let i = 0; i < 1000; i += 1) log.note('OPERATION_LIMIT_EXCEEDED', 'depth is 20, over 12', { path: undefined });
    log.note('BAD_REQUEST', 'The request body is not valid JSON.');
    expect(lines.map((line) => line.msg)).toEqual(['client error', 'client error']);
    expect(lines[0]?.obj).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', clientError: 'depth is 20, over 12' });
    advance(60_000);
    log.note('OPERATION_LIMIT_EXCEEDED', 'depth is 20, over 12');
    expect(lines.slice(2)).toEqual([
      { msg: 'client error repeated', obj: { clientError: 'OPERATION_LIMIT_EXCEEDED: depth is 20, over 12', repeats: 999, intervalMs: 60_000 } },
      { msg: 'client error', obj: { code: 'OPERATION_LIMIT_EXCEEDED', clientError: 'depth is 20, over 12' } },
    ]);
  });

  it('bounds the kinds it remembers: beyond 1,000 distinct messages they are counted together', () => {
    const { lines, log, advance } = setup();
    for (let i = 0; i < 5000; i += 1) log.note('BAD_USER_INPUT', `bad id ${i}`);
    expect(lines).toHaveLength(1000);
    advance(60_000);
    log.flush();
    expect(lines.at(-1)?.obj).toMatchObject({ clientError: '(other client errors)', repeats: 4000 });
  });
});
