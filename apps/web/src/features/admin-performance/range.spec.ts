import { parseRange, windowOf } from './range';
import { searchOf, viewOf } from './url-state';

describe('parseRange', () => {
  it('reads a known range and falls back to the last hour', () => {
    expect(parseRange('7d')).toBe('7d');
    expect(parseRange('2w')).toBe('1h');
    expect(parseRange(null)).toBe('1h');
  });
});

describe('windowOf', () => {
  it('ends now and starts the range before', () => {
    const now = Date.parse('2026-11-21T12:00:00.000Z');
    expect(windowOf('24h', now)).toEqual({
      from: '2026-11-20T12:00:00.000Z',
      to: '2026-11-21T12:00:00.000Z',
    });
    expect(windowOf('30d', now).from).toBe('2026-10-22T12:00:00.000Z');
  });
});

describe('url state', () => {
  it('round-trips a view through the query string', () => {
    const view = {
      range: '7d' as const,
      endpoint: 'GET /api/v1/transactions',
      sort: 'slowest' as const,
    };
    expect(viewOf(new URLSearchParams(searchOf(view)))).toEqual(view);
  });

  it('leaves defaults out and ignores a blank endpoint', () => {
    expect(searchOf({ range: '1h', endpoint: null, sort: 'newest' })).toBe('?range=1h');
    expect(viewOf(new URLSearchParams('endpoint=%20'))).toEqual({
      range: '1h',
      endpoint: null,
      sort: 'newest',
    });
  });
});
