import { loadConfig } from '../../config/app-config';
import { autoPeriod, periodStartOf, pointsOf } from './metric-periods';

const config = loadConfig({});
const now = new Date('2026-11-21T12:34:56.789Z');
const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe('metric periods', () => {
  it('starts periods on UTC boundaries', () => {
    const time = new Date('2026-11-21T12:34:56.789Z');
    expect(periodStartOf(time, '1m').toISOString()).toBe('2026-11-21T12:34:00.000Z');
    expect(periodStartOf(time, '5m').toISOString()).toBe('2026-11-21T12:30:00.000Z');
    expect(periodStartOf(time, '1h').toISOString()).toBe('2026-11-21T12:00:00.000Z');
    expect(periodStartOf(time, '1d').toISOString()).toBe('2026-11-21T00:00:00.000Z');
  });

  it('counts the periods a range overlaps', () => {
    expect(pointsOf(ago(1), now, '1m')).toBe(61);
    expect(pointsOf(ago(24), now, '1h')).toBe(25);
  });

  it.each([
    [1, '1m'],
    [6, '1m'],
    [24, '5m'],
    [24 * 7, '1h'],
    [24 * 30, '1d'],
    [24 * 365, '1d'],
  ])('chooses a period for %p hours: %s', (hours, period) => {
    expect(autoPeriod(ago(hours), now, config, now)).toBe(period);
  });

  it('skips periods whose rows at the range start are gone', () => {
    // An hour, 10 days ago: minute rows (7 days) are gone, 5-minute rows (30 days) are kept.
    expect(autoPeriod(ago(241), ago(240), config, now)).toBe('5m');
  });
});
