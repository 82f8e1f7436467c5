import { chartRows, hasRequests } from './series';
import { aPoint, aSeries, anEmptyPoint } from './testing/monitoring-factories';
import { defined } from '../../test/defined';

describe('chartRows', () => {
  it('turns each point into percentiles, a rate per minute and error rates in percent', () => {
    const rows = chartRows(
      aSeries(
        [
          aPoint({
            start: '2026-11-21T10:00:00.000Z',
            count: 300,
            clientErrors: 9,
            serverErrors: 6,
            errorRate: 0.05,
            p50Ms: 25,
            p95Ms: 125,
            p99Ms: 250,
          }),
        ],
        { period: '5m' },
      ),
    );
    expect(rows).toEqual([
      {
        time: Date.parse('2026-11-21T10:00:00.000Z'),
        p50Ms: 25,
        p95Ms: 125,
        p99Ms: 250,
        requestsPerMinute: 60,
        errorRatePercent: 5,
        serverErrorRatePercent: 2,
      },
    ]);
  });

  it('leaves gaps (null) for periods without requests, but counts their rate as zero', () => {
    const rows = chartRows(
      aSeries([
        aPoint({ start: '2026-11-21T10:00:00.000Z' }),
        anEmptyPoint('2026-11-21T10:01:00.000Z'),
        aPoint({ start: '2026-11-21T10:02:00.000Z', count: 30 }),
      ]),
    );
    expect(rows.map((row) => row.p95Ms)).toEqual([125, null, 125]);
    expect(rows.map((row) => row.errorRatePercent)).toEqual([5, null, 5]);
    expect(rows.map((row) => row.serverErrorRatePercent)).toEqual([0, null, 0]);
    expect(rows.map((row) => row.requestsPerMinute)).toEqual([60, 0, 30]);
    expect(rows.map((row) => row.time)).toEqual([
      Date.parse('2026-11-21T10:00:00.000Z'),
      Date.parse('2026-11-21T10:01:00.000Z'),
      Date.parse('2026-11-21T10:02:00.000Z'),
    ]);
  });

  it('keeps a percentile the API could not give (null) as a gap even with requests', () => {
    const row = defined(chartRows(aSeries([aPoint({ p99Ms: null })]))[0]);
    expect(row.p99Ms).toBeNull();
    expect(row.p50Ms).toBe(25);
  });

  it('gives rates per minute for hourly and daily points', () => {
    const hourly = chartRows(aSeries([aPoint({ count: 120 })], { period: '1h' }));
    const daily = chartRows(aSeries([aPoint({ count: 2_880 })], { period: '1d' }));
    expect(defined(hourly[0]).requestsPerMinute).toBe(2);
    expect(defined(daily[0]).requestsPerMinute).toBe(2);
  });

  it('gives no rows for no points', () => {
    expect(chartRows(aSeries([]))).toEqual([]);
  });
});

describe('hasRequests', () => {
  it('is false when every period is empty, true when one has requests', () => {
    const empty = [
      anEmptyPoint('2026-11-21T10:00:00.000Z'),
      anEmptyPoint('2026-11-21T10:01:00.000Z'),
    ];
    expect(hasRequests(aSeries(empty))).toBe(false);
    expect(hasRequests(aSeries([]))).toBe(false);
    expect(hasRequests(aSeries([...empty, aPoint({ count: 1 })]))).toBe(true);
  });
});
