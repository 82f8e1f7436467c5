import fc from 'fast-check';
import { CronTime } from 'cron';
import { periodStartOf } from './cron-periods';

const at = (iso: string) => new Date(iso);

describe('periodStartOf', () => {
  it('is the latest occurrence at or before the moment', () => {
    expect(periodStartOf('0 0 3 * * *', at('2026-12-06T12:00:00Z')).toISOString()).toBe(
      new CronTime('0 0 3 * * *')
        .getNextDateFrom(at('2026-12-05T12:00:00Z'))
        .toJSDate()
        .toISOString(),
    );
    expect(periodStartOf('*/4 * * * * *', at('2026-12-06T12:00:06.500Z')).toISOString()).toBe(
      '2026-12-06T12:00:04.000Z',
    );
  });

  it('gives a tick firing a moment early, or seconds late, the period it was scheduled for', () => {
    const every4s = '*/4 * * * * *';
    expect(periodStartOf(every4s, at('2026-12-06T12:00:07.995Z')).toISOString()).toBe(
      '2026-12-06T12:00:08.000Z',
    );
    expect(periodStartOf(every4s, at('2026-12-06T12:00:10.900Z')).toISOString()).toBe(
      '2026-12-06T12:00:08.000Z',
    );
  });

  it('handles schedules whose periods differ in length', () => {
    const twiceADay = '0 0 9,17 * * *';
    const morning = new CronTime(twiceADay).getNextDateFrom(at('2026-12-06T00:00:00Z')).toJSDate();
    const evening = new CronTime(twiceADay).getNextDateFrom(morning).toJSDate();
    const night = new Date(evening.getTime() + 10 * 3600_000);
    expect(periodStartOf(twiceADay, night)).toEqual(evening);
    expect(periodStartOf(twiceADay, new Date(morning.getTime() + 3600_000))).toEqual(morning);
  });

  it('agrees for every moment within a period (property)', () => {
    const schedule = '0 */15 * * * *';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 3600 }), (seconds) => {
        const now = new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
        const start = periodStartOf(schedule, now);
        const next = new CronTime(schedule).getNextDateFrom(start).toJSDate();
        // The period holds `now` (up to the early-tick tolerance), and starts on an occurrence.
        expect(start.getTime()).toBeLessThanOrEqual(now.getTime() + 1000);
        expect(next.getTime()).toBeGreaterThan(now.getTime() + 1000 - 1);
        expect(start.getUTCMinutes() % 15).toBe(0);
        expect(start.getUTCSeconds()).toBe(0);
      }),
    );
  });
});
