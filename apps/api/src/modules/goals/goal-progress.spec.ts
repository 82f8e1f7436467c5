import fc from 'fast-check';
import { MAX_AMOUNT_CENTS } from '../../common/http/money-fields';
import {
  addMonths,
  goalProgressOf,
  GoalSavings,
  GoalTarget,
  monthsLeft,
  paceBaselineDay,
  paceOf,
} from './goal-progress';

const DAY_MS = 86_400_000;

/** A calendar day between 2000 and 2099. */
const day = fc
  .integer({ min: Date.UTC(2000, 0, 1) / DAY_MS, max: Date.UTC(2099, 11, 31) / DAY_MS })
  .map((n) => new Date(n * DAY_MS).toISOString().slice(0, 10));

const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
const target = fc.integer({ min: 1, max: MAX_AMOUNT_CENTS });

const goal = (targetCents: number, targetDate: string | null = null): GoalTarget => ({
  targetCents,
  targetDate,
});
const savings = (saved: bigint | number, atBaseline: bigint | number = 0): GoalSavings => ({
  savedCents: saved.toString(),
  savedAtBaselineCents: atBaseline.toString(),
});
const monthsBetween = (fromDay: string, month: string) =>
  (Number(month.slice(0, 4)) - Number(fromDay.slice(0, 4))) * 12 +
  Number(month.slice(5, 7)) -
  Number(fromDay.slice(5, 7));

describe('goalProgressOf', () => {
  it('measures a holiday goal fed 100 a month for three months', () => {
    // 300 of 1200 saved, all of it since the baseline; 15 June: window of 3.5 months.
    const progress = goalProgressOf(goal(120_000, '2026-12-31'), savings(30_000), '2026-06-15');
    expect(progress).toEqual({
      savedCents: '30000',
      remainingCents: '90000',
      percent: 25,
      // 15 June → 31 Dec: six whole months to 15 Dec, a part month after: 7.
      neededPerMonthCents: '12858',
      // 30 000 × 30 / (3 × 30 + 15) = 8571.4…
      paceCents: '8571',
      // 90 000 / 8571 = 10.5… → 11 months after June.
      projectedMonth: '2027-05',
      reached: false,
    });
  });

  it('marks a goal reached once saved meets the target, with nothing left to need or project', () => {
    const progress = goalProgressOf(goal(50_000, '2027-01-01'), savings(50_001), '2026-06-15');
    expect(progress).toMatchObject({
      remainingCents: '0',
      percent: 100,
      neededPerMonthCents: '0',
      projectedMonth: null,
      reached: true,
    });
  });

  it('needs the whole remainder now once the date has passed, and nothing per month without a date', () => {
    expect(
      goalProgressOf(goal(10_000, '2026-01-31'), savings(2_500), '2026-06-15').neededPerMonthCents,
    ).toBe('7500');
    expect(goalProgressOf(goal(10_000), savings(2_500), '2026-06-15').neededPerMonthCents).toBe(
      null,
    );
  });

  it('projects nothing when the savings stand still or shrink', () => {
    expect(goalProgressOf(goal(10_000), savings(2_500, 2_500), '2026-06-15').projectedMonth).toBe(
      null,
    );
    const shrinking = goalProgressOf(goal(10_000), savings(2_500, 9_000), '2026-06-15');
    expect(shrinking.projectedMonth).toBe(null);
    expect(Number(shrinking.paceCents)).toBeLessThan(0);
  });

  it('shows a negative balance as 0 %', () => {
    const progress = goalProgressOf(goal(10_000), savings(-4_000), '2026-06-15');
    expect(progress).toMatchObject({ percent: 0, remainingCents: '14000', reached: false });
  });

  it('spreads the remainder so that the months left cover it, by at most a cent a month too much', () => {
    fc.assert(
      fc.property(target, cents, day, day, (targetCents, saved, today, targetDate) => {
        const progress = goalProgressOf(goal(targetCents, targetDate), savings(saved), today);
        const needed = BigInt(progress.neededPerMonthCents ?? '');
        const months = BigInt(monthsLeft(today, targetDate));
        const remaining = BigInt(progress.remainingCents);
        expect(needed * months >= remaining).toBe(true);
        expect((needed - 1n) * months < remaining || needed === 0n).toBe(true);
        if (targetDate <= today) expect(needed).toBe(remaining);
      }),
    );
  });

  it('projects the first month in which saved + pace × months reaches the target', () => {
    fc.assert(
      fc.property(target, cents, cents, day, (targetCents, saved, atBaseline, today) => {
        const progress = goalProgressOf(goal(targetCents), savings(saved, atBaseline), today);
        const pace = BigInt(progress.paceCents);
        const goalCents = BigInt(targetCents);
        if (progress.projectedMonth === null) {
          expect(progress.reached || pace <= 0n || saved + pace * 1200n < goalCents).toBe(true);
          return;
        }
        const months = BigInt(monthsBetween(today, progress.projectedMonth));
        expect(months >= 1n).toBe(true);
        expect(saved + pace * months >= goalCents).toBe(true);
        expect(saved + pace * (months - 1n) < goalCents).toBe(true);
      }),
    );
  });

  it('is reached exactly when saved is at least the target, then with nothing remaining', () => {
    fc.assert(
      fc.property(target, cents, day, (targetCents, saved, today) => {
        const progress = goalProgressOf(goal(targetCents), savings(saved), today);
        expect(progress.reached).toBe(saved >= BigInt(targetCents));
        expect(BigInt(progress.remainingCents)).toBe(
          progress.reached ? 0n : BigInt(targetCents) - saved,
        );
        expect(progress.percent).toBeGreaterThanOrEqual(0);
        expect(progress.percent).toBeLessThanOrEqual(100);
        expect(progress.percent === 100).toBe(progress.reached);
      }),
    );
  });

  it('gives a larger saving at least the same percentage', () => {
    fc.assert(
      fc.property(target, cents, cents, day, (targetCents, a, b, today) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(
          goalProgressOf(goal(targetCents), savings(more), today).percent,
        ).toBeGreaterThanOrEqual(goalProgressOf(goal(targetCents), savings(less), today).percent);
      }),
    );
  });
});

describe('paceOf', () => {
  it('divides the change by three months and the elapsed share of the current one', () => {
    // Last day of a month: four whole months.
    expect(paceOf(savings(40_000, 0), '2026-06-30')).toBe(10_000n);
    // First day of a 31-day month: 3 + 1/31 months; 30 000 × 31 / 94 = 9893.6…
    expect(paceOf(savings(30_000, 0), '2026-07-01')).toBe(9_893n);
    expect(paceOf(savings(-40_000, 0), '2026-06-30')).toBe(-10_000n);
  });

  it('is the change per month of the window, rounded down to a cent', () => {
    fc.assert(
      fc.property(cents, cents, day, (saved, atBaseline, today) => {
        const pace = paceOf(savings(saved, atBaseline), today);
        // The 31st of today's month, clamped: its last day.
        const monthDays = BigInt(Number(addMonths(`${today.slice(0, 7)}-31`, 0).slice(8, 10)));
        const windowDays = 3n * monthDays + BigInt(Number(today.slice(8, 10)));
        const change = (saved - atBaseline) * monthDays;
        expect(pace * windowDays <= change).toBe(true);
        expect((pace + 1n) * windowDays > change).toBe(true);
      }),
    );
  });
});

describe('paceBaselineDay', () => {
  it('is the last day of the month four months back, so the window starts three full months ago', () => {
    expect(paceBaselineDay('2026-06-15')).toBe('2026-02-28');
    expect(paceBaselineDay('2026-03-31')).toBe('2025-11-30');
    expect(paceBaselineDay('2028-06-01')).toBe('2028-02-29');
  });
});

describe('monthsLeft', () => {
  it('counts whole months to the date and one for a part month, at least one', () => {
    expect(monthsLeft('2026-06-15', '2026-06-20')).toBe(1);
    expect(monthsLeft('2026-06-15', '2026-07-15')).toBe(1);
    expect(monthsLeft('2026-06-15', '2026-07-16')).toBe(2);
    expect(monthsLeft('2026-01-31', '2026-02-28')).toBe(1);
    expect(monthsLeft('2026-06-15', '2026-06-15')).toBe(1);
    expect(monthsLeft('2026-06-15', '2025-01-01')).toBe(1);
  });

  it('is the fewest months from today that reach the date', () => {
    fc.assert(
      fc.property(day, day, (today, targetDate) => {
        const months = monthsLeft(today, targetDate);
        expect(months).toBeGreaterThanOrEqual(1);
        expect(addMonths(today, months) >= targetDate).toBe(true);
        if (months > 1) expect(addMonths(today, months - 1) < targetDate).toBe(true);
      }),
    );
  });
});
