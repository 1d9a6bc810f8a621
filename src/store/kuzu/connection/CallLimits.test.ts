import { StoreTimeoutError } from '../../../errors';
import { CallLimits } from './CallLimits';

describe('CallLimits', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('gives a statement the time left until the deadline, at most the store default', () => {
    expect(new CallLimits({ deadline: 1_000_250 }, 30_000).timeoutMs()).toBe(250);
    expect(new CallLimits({ deadline: 1_000_000 + 60_000 }, 30_000).timeoutMs()).toBe(30_000);
    expect(new CallLimits({ deadline: 1_000_250 }, 0).timeoutMs()).toBe(250);
    jest.setSystemTime(1_000_249.5);
    expect(new CallLimits({ deadline: 1_000_250 }, 30_000).timeoutMs()).toBe(1);
  });

  it('gives a call without a deadline the store default (0: none)', () => {
    expect(new CallLimits(undefined, 30_000).timeoutMs()).toBe(30_000);
    expect(new CallLimits({}, 0).timeoutMs()).toBe(0);
  });

  it('refuses to start once the signal is aborted or the deadline has passed', () => {
    const controller = new AbortController();
    const limits = new CallLimits({ signal: controller.signal, deadline: 1_000_100 }, 30_000);
    expect(() => limits.check('reading')).not.toThrow();
    controller.abort();
    expect(() => limits.check('reading')).toThrow(StoreTimeoutError);
    const late = new CallLimits({ deadline: 1_000_100 }, 30_000);
    jest.setSystemTime(1_000_100);
    expect(() => late.check('reading')).toThrow(/deadline passed before reading/);
  });
});
