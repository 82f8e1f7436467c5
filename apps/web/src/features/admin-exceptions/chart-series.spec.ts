import {
  bucketSeries,
  describeTrend,
  hasCounts,
  hourlySeries,
  lastDaySeries,
  OTHER_TYPES,
  timeTickFormat,
  trendDirection,
  typeStackSeries,
} from './chart-series';

const H0 = '2026-11-21T10:00:00.000Z';
const H1 = '2026-11-21T11:00:00.000Z';
const H2 = '2026-11-21T12:00:00.000Z';

describe('hourlySeries', () => {
  it('turns each hour into a point at its start', () => {
    expect(
      hourlySeries({
        from: H0,
        to: H2,
        total: 5,
        buckets: [
          { start: H0, count: 2 },
          { start: H1, count: 3 },
        ],
      }),
    ).toEqual([
      { time: Date.parse(H0), count: 2 },
      { time: Date.parse(H1), count: 3 },
    ]);
  });
});

describe('bucketSeries', () => {
  it('pairs bucket starts with counts, a missing count as zero', () => {
    expect(bucketSeries([H0, H1], [4])).toEqual([
      { time: Date.parse(H0), count: 4 },
      { time: Date.parse(H1), count: 0 },
    ]);
  });
});

describe('lastDaySeries', () => {
  it('puts the last count on the current hour and the first 23 hours before it', () => {
    const counts = [...Array<number>(22).fill(0), 4, 7];
    const points = lastDaySeries(counts, new Date('2026-11-21T12:34:56.000Z'));
    expect(points).toHaveLength(24);
    expect(points[23]).toEqual({ time: Date.parse('2026-11-21T12:00:00.000Z'), count: 7 });
    expect(points[22]).toEqual({ time: Date.parse('2026-11-21T11:00:00.000Z'), count: 4 });
    expect(points[0]).toEqual({ time: Date.parse('2026-11-20T13:00:00.000Z'), count: 0 });
  });
});

describe('hasCounts', () => {
  it('is false for an empty range or only zeros', () => {
    expect(hasCounts([])).toBe(false);
    expect(hasCounts([{ count: 0 }, { count: 0 }])).toBe(false);
    expect(hasCounts([{ count: 0 }, { count: 1 }])).toBe(true);
  });
});

describe('typeStackSeries', () => {
  const byType = (type: string, buckets: number[]) => ({
    type,
    buckets,
    count: buckets.reduce((a, b) => a + b, 0),
    previousCount: 0,
    changePercent: null,
  });

  it('makes one row per bucket with a column per type', () => {
    expect(
      typeStackSeries({
        bucketStarts: [H0, H1],
        byType: [byType('TypeError', [3, 1]), byType('RangeError', [0, 2])],
      }),
    ).toEqual({
      keys: ['TypeError', 'RangeError'],
      rows: [
        { time: Date.parse(H0), TypeError: 3, RangeError: 0 },
        { time: Date.parse(H1), TypeError: 1, RangeError: 2 },
      ],
    });
  });

  it('adds the less frequent types up as one series', () => {
    const stack = typeStackSeries(
      {
        bucketStarts: [H0, H1],
        byType: [byType('A', [5, 5]), byType('B', [1, 0]), byType('C', [0, 2])],
      },
      1,
    );
    expect(stack.keys).toEqual(['A', OTHER_TYPES]);
    expect(stack.rows).toEqual([
      { time: Date.parse(H0), A: 5, [OTHER_TYPES]: 1 },
      { time: Date.parse(H1), A: 5, [OTHER_TYPES]: 2 },
    ]);
  });

  it('has no keys and no rows for an empty range', () => {
    expect(typeStackSeries({ bucketStarts: [], byType: [] })).toEqual({ keys: [], rows: [] });
  });
});

describe('describeTrend and trendDirection', () => {
  it('says the change against the previous window in words', () => {
    const up = { count: 50, previousCount: 40, changePercent: 25 };
    expect(describeTrend(up)).toBe('+25% (40 → 50)');
    expect(trendDirection(up)).toBe('up');

    const down = { count: 3, previousCount: 6, changePercent: -50 };
    expect(describeTrend(down)).toBe('\u221250% (6 → 3)');
    expect(trendDirection(down)).toBe('down');

    const same = { count: 3, previousCount: 3, changePercent: 0 };
    expect(describeTrend(same)).toBe('no change (3 → 3)');
    expect(trendDirection(same)).toBe('flat');
  });

  it('calls a rise from nothing new, and nothing in both windows none', () => {
    const fresh = { count: 12, previousCount: 0, changePercent: null };
    expect(describeTrend(fresh)).toBe('new (0 → 12)');
    expect(trendDirection(fresh)).toBe('up');
    const quiet = { count: 0, previousCount: 0, changePercent: null };
    expect(describeTrend(quiet)).toBe('none (0 → 0)');
    expect(trendDirection(quiet)).toBe('flat');
  });
});

describe('timeTickFormat', () => {
  it('shows hours within two days and dates beyond', () => {
    expect(timeTickFormat(24 * 3600_000)).toHaveProperty('hour');
    expect(timeTickFormat(7 * 24 * 3600_000)).toHaveProperty('day');
  });
});
