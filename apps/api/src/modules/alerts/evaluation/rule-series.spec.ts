import { seriesRange } from './rule-series';

describe('seriesRange', () => {
  const to = new Date('2026-12-06T12:00:00.000Z');

  it('cuts the hours up to `to` into even steps, each measured at its end', () => {
    const range = seriesRange(to, 6, 24);
    expect(range.from.toISOString()).toBe('2026-12-06T06:00:00.000Z');
    expect(range.to).toEqual(to);
    expect(range.stepSeconds).toBe(900);
    expect(range.instants).toHaveLength(24);
    expect(range.instants[0].toISOString()).toBe('2026-12-06T06:15:00.000Z');
    expect(range.instants[1].toISOString()).toBe('2026-12-06T06:30:00.000Z');
    expect(range.instants[23]).toEqual(to);
  });

  it('keeps uneven steps to the millisecond, ending exactly at `to`', () => {
    const range = seriesRange(to, 1, 7);
    expect(range.stepSeconds).toBeCloseTo(514.2857, 4);
    expect(range.instants.map((at) => to.getTime() - at.getTime())).toEqual([
      3_085_714, 2_571_429, 2_057_143, 1_542_857, 1_028_571, 514_286, 0,
    ]);
  });
});
