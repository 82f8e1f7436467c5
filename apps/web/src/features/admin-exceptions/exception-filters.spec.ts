import { filtersFromParams, filtersToParams, listQuery, PAGE_SIZE } from './exception-filters';

describe('exception filters in the URL', () => {
  it('reads every filter, sort and page', () => {
    const params = new URLSearchParams(
      'source=frontend&type=TypeError&status=resolved&range=7d&q=%20amount%20&sort=count&order=asc&page=3',
    );
    expect(filtersFromParams(params)).toEqual({
      source: 'frontend',
      type: 'TypeError',
      status: 'resolved',
      range: '7d',
      q: 'amount',
      sort: 'count',
      order: 'asc',
      page: 3,
    });
  });

  it('falls back to the defaults for unknown or missing values', () => {
    expect(
      filtersFromParams(new URLSearchParams('source=mobile&status=x&range=2y&sort=size&page=-2')),
    ).toEqual({ sort: 'lastSeen', order: 'desc', page: 1 });
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const params = filtersToParams(
      { status: 'unresolved', sort: 'lastSeen', order: 'desc', page: 1, q: 'boom' },
      new URLSearchParams('view=groups&page=4&source=backend'),
    );
    expect(params.toString()).toBe('view=groups&status=unresolved&q=boom');
  });

  it('reads a custom range’s bounds, and only for a custom range', () => {
    expect(
      filtersFromParams(
        new URLSearchParams('range=custom&from=2026-11-20T08:00:00Z&to=not-a-time'),
      ),
    ).toEqual({
      range: 'custom',
      from: '2026-11-20T08:00:00.000Z',
      to: undefined,
      sort: 'lastSeen',
      order: 'desc',
      page: 1,
    });
    expect(filtersFromParams(new URLSearchParams('range=1h&from=2026-11-20T08:00:00Z'))).toEqual({
      range: '1h',
      sort: 'lastSeen',
      order: 'desc',
      page: 1,
    });
  });

  it('round-trips', () => {
    const filters = filtersFromParams(new URLSearchParams('source=backend&sort=firstSeen&page=2'));
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
  });
});

describe('listQuery', () => {
  const now = new Date('2026-11-21T12:00:00.000Z');

  it('turns the range into a start before now and sends the page size', () => {
    expect(
      listQuery({ range: '24h', status: 'ignored', sort: 'count', order: 'desc', page: 2 }, now),
    ).toEqual({
      from: '2026-11-20T12:00:00.000Z',
      status: 'ignored',
      sort: 'count',
      order: 'desc',
      page: 2,
      limit: PAGE_SIZE,
    });
  });

  it('sends a custom range’s bounds as they are', () => {
    expect(
      listQuery(
        {
          range: 'custom',
          from: '2026-11-20T08:00:00.000Z',
          to: '2026-11-20T09:00:00.000Z',
          sort: 'lastSeen',
          order: 'desc',
          page: 1,
        },
        now,
      ),
    ).toMatchObject({ from: '2026-11-20T08:00:00.000Z', to: '2026-11-20T09:00:00.000Z' });
  });

  it('sends no range for all time', () => {
    expect(listQuery({ sort: 'lastSeen', order: 'desc', page: 1 }, now)).not.toHaveProperty('from');
  });
});
