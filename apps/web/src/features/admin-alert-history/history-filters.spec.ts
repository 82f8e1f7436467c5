import { filtersFromParams, filtersToParams, ruleHistoryLink, withFilter } from './history-filters';

const RULE = '3f1c9a52-7d4e-4b8a-9c1e-2a6f0b7d8e91';

describe('history filters in the URL', () => {
  it('reads rule, range, state and page', () => {
    expect(
      filtersFromParams(
        new URLSearchParams(`rule=${RULE}&range=7d&state=firing&page=3&delivery=failed`),
      ),
    ).toEqual({ ruleId: RULE, range: '7d', state: 'firing', page: 3, delivery: 'failed' });
  });

  it('falls back to the defaults for anything unknown', () => {
    expect(
      filtersFromParams(new URLSearchParams('rule=x&range=2y&state=burning&page=-1&delivery=lost')),
    ).toEqual({ ruleId: null, range: '24h', state: null, page: 1, delivery: null });
    expect(filtersFromParams(new URLSearchParams('page=1.5')).page).toBe(1);
  });

  it('writes only what differs from the defaults, and reads it back the same', () => {
    const filters = {
      ruleId: RULE,
      range: '1h' as const,
      state: 'pending' as const,
      page: 2,
      delivery: 'pending' as const,
    };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(`rule=${RULE}&range=1h&state=pending&page=2&delivery=pending`);
    expect(filtersFromParams(params)).toEqual(filters);
    expect(
      filtersToParams({
        ruleId: null,
        range: '24h',
        state: null,
        page: 1,
        delivery: null,
      }).toString(),
    ).toBe('');
  });

  it('goes back to the first page when a filter changes', () => {
    expect(
      withFilter(
        { ruleId: null, range: '24h', state: null, page: 4, delivery: null },
        { range: '30d' },
      ),
    ).toEqual({ ruleId: null, range: '30d', state: null, page: 1, delivery: null });
  });
});

describe('ruleHistoryLink', () => {
  it('opens the history filtered to the rule, which the page reads back', () => {
    const ruleId = '6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d';
    const link = ruleHistoryLink(ruleId);
    expect(link).toBe(`/admin/alerts/history?rule=${ruleId}`);
    expect(filtersFromParams(new URL(link, 'http://localhost').searchParams).ruleId).toBe(ruleId);
  });
});
