import {
  EMPTY_FILTERS,
  filterValuesOf,
  hasFilters,
  logQueryOf,
  traceLink,
  withFilters,
} from './log-filters';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const valuesOf = (search: string) => filterValuesOf(new URLSearchParams(search));

describe('log filters', () => {
  describe('filterValuesOf (URL → filters)', () => {
    it('reads nothing from an empty URL', () => {
      expect(valuesOf('')).toEqual(EMPTY_FILTERS);
      expect(hasFilters(valuesOf(''))).toBe(false);
    });

    it('reads a trace link from another page on its own, over any time', () => {
      const values = valuesOf(`traceId=${'a'.repeat(32)}`);
      expect(values).toEqual({ ...EMPTY_FILTERS, traceId: 'a'.repeat(32) });
      expect(logQueryOf(values, NOW)).toEqual({ traceId: 'a'.repeat(32) });
    });

    it('reads several levels, comma-separated or repeated, in order of gravity, without unknown ones', () => {
      expect(valuesOf('level=error,warn').levels).toEqual(['warn', 'error']);
      expect(valuesOf('level=fatal&level=info&level=loud').levels).toEqual(['info', 'fatal']);
    });

    it('takes levels over a minimum level when a link has both', () => {
      expect(valuesOf('level=error&minLevel=warn')).toMatchObject({
        levels: ['error'],
        minLevel: '',
      });
      expect(valuesOf('minLevel=warn').minLevel).toBe('warn');
      expect(valuesOf('minLevel=loud').minLevel).toBe('');
    });

    it('drops an unknown source or range', () => {
      expect(valuesOf('source=mainframe&range=3y')).toEqual(EMPTY_FILTERS);
    });

    it('reads a custom range, and treats a bare from/to as one', () => {
      expect(valuesOf('range=custom&from=2026-11-20T00:00:00Z&to=nonsense')).toMatchObject({
        range: 'custom',
        from: '2026-11-20T00:00:00.000Z',
        to: '',
      });
      expect(valuesOf('from=2026-11-20T00:00:00.000Z').range).toBe('custom');
      // A preset ignores from/to left over in the URL.
      expect(valuesOf('range=1h&from=2026-11-20T00:00:00.000Z').from).toBe('');
    });
  });

  describe('withFilters (filters → URL)', () => {
    it('writes only what is set, and keeps parameters that are not filters', () => {
      const params = withFilters(new URLSearchParams('line=42&q=old'), {
        ...EMPTY_FILTERS,
        source: 'frontend',
        levels: ['warn', 'error'],
        range: '15m',
        path: '/api/v1/budgets',
      });
      expect(params.toString()).toBe(
        'line=42&source=frontend&level=warn%2Cerror&range=15m&path=%2Fapi%2Fv1%2Fbudgets',
      );
    });

    it('round-trips every filter through the URL', () => {
      const values = {
        source: 'backend' as const,
        levels: [],
        minLevel: 'warn' as const,
        range: 'custom' as const,
        from: '2026-11-20T08:00:00.000Z',
        to: '2026-11-21T08:00:00.000Z',
        traceId: 'b'.repeat(32),
        userId: '0b6f1a9e-5c1f-4c1e-9d51-0c6a4e7f2a10',
        module: 'http',
        path: '/api/v1/transactions',
        q: 'timeout',
      };
      expect(filterValuesOf(withFilters(new URLSearchParams(), values))).toEqual(values);
    });

    it('clears every filter with the empty values', () => {
      const params = withFilters(new URLSearchParams('q=x&level=info&line=3'), EMPTY_FILTERS);
      expect(params.toString()).toBe('line=3');
    });
  });

  describe('logQueryOf (filters → API query)', () => {
    it('counts a preset range back from the given time', () => {
      expect(logQueryOf({ ...EMPTY_FILTERS, range: '15m' }, NOW)).toEqual({
        from: '2026-11-21T11:45:00.000Z',
      });
      expect(logQueryOf({ ...EMPTY_FILTERS, range: '7d' }, NOW)).toEqual({
        from: '2026-11-14T12:00:00.000Z',
      });
    });

    it('sends the API’s names: requestPath for the path, level as a list', () => {
      expect(
        logQueryOf(
          {
            ...EMPTY_FILTERS,
            source: 'frontend',
            levels: ['error', 'fatal'],
            range: 'custom',
            from: '2026-11-20T00:00:00.000Z',
            userId: 'u',
            module: 'm',
            path: '/p',
            q: 'text',
          },
          NOW,
        ),
      ).toEqual({
        source: 'frontend',
        level: ['error', 'fatal'],
        from: '2026-11-20T00:00:00.000Z',
        userId: 'u',
        module: 'm',
        requestPath: '/p',
        q: 'text',
      });
      expect(logQueryOf({ ...EMPTY_FILTERS, minLevel: 'warn' }, NOW)).toEqual({ minLevel: 'warn' });
    });
  });

  it('builds the trace link other pages use', () => {
    expect(traceLink('abc 1')).toBe('/admin/logs?traceId=abc+1');
  });
});
