import { LogLevel, LogSource } from '@ledgerlens/contracts';
import { lineMatcher, parseLogTailFilter, TailedLine } from './log-tail-filter';

const line = (overrides: Partial<TailedLine> = {}): TailedLine => ({
  level: 'info' as LogLevel,
  source: 'backend' as LogSource,
  module: 'http',
  traceId: 'trace-1',
  ...overrides,
});

describe('parseLogTailFilter', () => {
  it('takes no filter, or an empty one, as every line', () => {
    expect(parseLogTailFilter(undefined)).toEqual({ filter: {} });
    expect(parseLogTailFilter(null)).toEqual({ filter: {} });
    expect(parseLogTailFilter({})).toEqual({ filter: {} });
  });

  it('reads every field, a single level as a list of one', () => {
    expect(
      parseLogTailFilter({
        level: 'error',
        minLevel: 'warn',
        source: 'frontend',
        module: 'Checkout',
        traceId: 'abc',
      }),
    ).toEqual({
      filter: {
        level: ['error'],
        minLevel: 'warn',
        source: 'frontend',
        module: 'Checkout',
        traceId: 'abc',
      },
    });
    expect(parseLogTailFilter({ level: ['warn', 'error', 'warn'] })).toEqual({
      filter: { level: ['warn', 'error'] },
    });
  });

  it('names every problem, unknown fields included', () => {
    expect(
      parseLogTailFilter({
        level: [],
        minLevel: 'loud',
        source: 'mobile',
        module: '',
        traceId: 'x'.repeat(129),
        q: 'text',
      }),
    ).toEqual({
      problems: {
        level: ['must be one or more of trace, debug, info, warn, error, fatal'],
        minLevel: ['must be one of trace, debug, info, warn, error, fatal'],
        source: ['must be one of backend, frontend'],
        module: ['must be a non-empty string'],
        traceId: ['must be at most 128 characters'],
        q: ['is not a filter: use level, minLevel, source, module or traceId'],
      },
    });
    expect(parseLogTailFilter('error')).toEqual({ problems: { filter: ['must be an object'] } });
    expect(parseLogTailFilter([])).toEqual({ problems: { filter: ['must be an object'] } });
  });
});

describe('lineMatcher', () => {
  it('passes every line without conditions', () => {
    expect(lineMatcher({})(line())).toBe(true);
  });

  it('needs every given condition to hold', () => {
    const matches = lineMatcher({ minLevel: 'warn', source: 'backend', module: 'http' });
    expect(matches(line({ level: 'error' }))).toBe(true);
    expect(matches(line({ level: 'warn' }))).toBe(true);
    expect(matches(line({ level: 'info' }))).toBe(false);
    expect(matches(line({ level: 'error', source: 'frontend' }))).toBe(false);
    expect(matches(line({ level: 'error', module: null }))).toBe(false);
  });

  it('reads levels as a list and minLevel as a floor, together', () => {
    const matches = lineMatcher({ level: ['debug', 'error'], minLevel: 'info' });
    expect(matches(line({ level: 'error' }))).toBe(true);
    expect(matches(line({ level: 'debug' }))).toBe(false);
    expect(matches(line({ level: 'warn' }))).toBe(false);
  });

  it('matches the trace ID exactly', () => {
    const matches = lineMatcher({ traceId: 'trace-1' });
    expect(matches(line())).toBe(true);
    expect(matches(line({ traceId: 'trace-10' }))).toBe(false);
    expect(matches(line({ traceId: null }))).toBe(false);
  });
});
