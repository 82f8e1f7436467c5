import fc from 'fast-check';
import {
  addDays,
  FREQUENCIES,
  nextOccurrenceFrom,
  occurrencesBetween,
  Schedule,
} from './recurrence';

const schedule = (changes: Partial<Schedule>): Schedule => ({
  frequency: 'monthly',
  interval: 1,
  startDate: '2026-01-01',
  dayOfMonth: null,
  lastDayOfMonth: false,
  endDate: null,
  occurrenceCount: null,
  ...changes,
});

describe('occurrencesBetween', () => {
  it('repeats daily and weekly rules every interval from the start day', () => {
    expect(
      occurrencesBetween(
        schedule({ frequency: 'daily', interval: 3, dayOfMonth: null, startDate: '2026-03-30' }),
        '2026-03-30',
        '2026-04-08',
      ),
    ).toEqual(['2026-03-30', '2026-04-02', '2026-04-05', '2026-04-08']);
    expect(
      occurrencesBetween(
        schedule({ frequency: 'weekly', interval: 2, startDate: '2026-12-01' }),
        '2026-12-10',
        '2027-01-10',
      ),
    ).toEqual(['2026-12-15', '2026-12-29']);
  });

  it('puts a monthly rule on its day, leaving out a first month whose day is before the start', () => {
    expect(
      occurrencesBetween(
        schedule({ dayOfMonth: 5, startDate: '2026-01-10' }),
        '2026-01-01',
        '2026-04-30',
      ),
    ).toEqual(['2026-02-05', '2026-03-05', '2026-04-05']);
    expect(
      occurrencesBetween(
        schedule({ dayOfMonth: 10, startDate: '2026-01-10', interval: 3 }),
        '2026-01-01',
        '2026-12-31',
      ),
    ).toEqual(['2026-01-10', '2026-04-10', '2026-07-10', '2026-10-10']);
  });

  it('clamps the last day of the month to each month’s length, leap years included', () => {
    expect(
      occurrencesBetween(
        schedule({ lastDayOfMonth: true, startDate: '2027-12-15' }),
        '2027-12-01',
        '2028-04-30',
      ),
    ).toEqual(['2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
  });

  it('puts a yearly rule from 29 February on the 28th in other years', () => {
    expect(
      occurrencesBetween(
        schedule({ frequency: 'yearly', startDate: '2028-02-29' }),
        '2028-01-01',
        '2032-12-31',
      ),
    ).toEqual(['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
  });

  it('stops at the end date or after the count of occurrences', () => {
    const weekly = schedule({ frequency: 'weekly', startDate: '2026-01-01' });
    expect(
      occurrencesBetween({ ...weekly, endDate: '2026-01-15' }, '2026-01-01', '2026-12-31'),
    ).toEqual(['2026-01-01', '2026-01-08', '2026-01-15']);
    expect(
      occurrencesBetween({ ...weekly, occurrenceCount: 2 }, '2026-01-05', '2026-12-31'),
    ).toEqual(['2026-01-08']);
    expect(nextOccurrenceFrom({ ...weekly, occurrenceCount: 2 }, '2026-01-09')).toBeNull();
    expect(nextOccurrenceFrom(weekly, '2026-01-09')).toBe('2026-01-15');
  });
});

/** Occurrences found the slow way: step through every candidate from the start. */
function occurrencesStepByStep(rule: Schedule, until: string): string[] {
  const days: string[] = [];
  for (let k = 0; days.length < 10_000; k++) {
    const [year, month, date] = rule.startDate.split('-').map(Number);
    const steps = k * rule.interval;
    let day: string;
    if (rule.frequency === 'daily') day = addDays(rule.startDate, steps);
    else if (rule.frequency === 'weekly') day = addDays(rule.startDate, 7 * steps);
    else {
      const monthIndex = rule.frequency === 'monthly' ? month - 1 + steps : month - 1;
      const first = new Date(
        Date.UTC(year + (rule.frequency === 'yearly' ? steps : 0), monthIndex, 1),
      );
      const length = new Date(
        Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
      ).getUTCDate();
      const wanted =
        rule.frequency === 'yearly' ? date : rule.lastDayOfMonth ? 31 : (rule.dayOfMonth ?? 0);
      first.setUTCDate(Math.min(wanted, length));
      day = first.toISOString().slice(0, 10);
    }
    if (day < rule.startDate) continue;
    if (day > until) break;
    if (rule.endDate !== null && day > rule.endDate) break;
    if (rule.occurrenceCount !== null && days.length >= rule.occurrenceCount) break;
    days.push(day);
  }
  return days;
}

const dayBetween = (from: string, days: number) =>
  fc.integer({ min: 0, max: days }).map((offset) => addDays(from, offset));

const rules: fc.Arbitrary<Schedule> = fc
  .record({
    frequency: fc.constantFrom(...FREQUENCIES),
    interval: fc.integer({ min: 1, max: 5 }),
    startDate: dayBetween('2023-01-01', 4 * 366),
    dayOfMonth: fc.integer({ min: 1, max: 28 }),
    lastDayOfMonth: fc.boolean(),
    end: fc.oneof(
      fc.constant({ endDate: null, occurrenceCount: null }),
      fc.integer({ min: 0, max: 800 }).map((days) => ({ endDays: days })),
      fc.integer({ min: 1, max: 40 }).map((count) => ({ endDate: null, occurrenceCount: count })),
    ),
  })
  .map(({ frequency, dayOfMonth, lastDayOfMonth, end, ...rest }) => {
    const monthly = frequency === 'monthly';
    const rule: Schedule = {
      ...rest,
      frequency,
      dayOfMonth: monthly && !lastDayOfMonth ? dayOfMonth : null,
      lastDayOfMonth: monthly && lastDayOfMonth,
      endDate: null,
      occurrenceCount: null,
    };
    if ('endDays' in end) return { ...rule, endDate: addDays(rule.startDate, end.endDays) };
    return { ...rule, ...end };
  });

describe('occurrencesBetween (properties)', () => {
  it('agrees with stepping through every candidate, over any range', () => {
    fc.assert(
      fc.property(
        rules,
        dayBetween('2022-06-01', 6 * 366),
        fc.integer({ min: 0, max: 900 }),
        (rule, from, length) => {
          const until = addDays(from, length);
          const expected = occurrencesStepByStep(rule, until).filter((day) => day >= from);
          expect(occurrencesBetween(rule, from, until)).toEqual(expected);
        },
      ),
    );
  });

  it('for random job run times, handing each run the days since the previous one yields every occurrence exactly once', () => {
    fc.assert(
      fc.property(
        rules,
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 25 }),
        (rule, gaps) => {
          // A run on day D books the occurrences from the first one not yet booked up to D.
          let nextDue: string | null = rule.startDate;
          let runDay = addDays(rule.startDate, -1);
          const booked: string[] = [];
          for (const gap of gaps) {
            runDay = addDays(runDay, gap);
            if (nextDue === null || nextDue > runDay) continue;
            booked.push(...occurrencesBetween(rule, nextDue, runDay));
            nextDue = nextOccurrenceFrom(rule, addDays(runDay, 1));
          }
          expect(booked).toEqual(occurrencesStepByStep(rule, runDay));
          expect(new Set(booked).size).toBe(booked.length);
        },
      ),
    );
  });
});
