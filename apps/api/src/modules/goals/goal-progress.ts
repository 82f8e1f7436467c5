/**
 * A savings goal's progress, computed from what is saved and the user's today. Pure: days are
 * calendar days `YYYY-MM-DD` of the user's time zone, months `YYYY-MM`; sums are exact decimal
 * text (they can pass 2^53) and computed with BigInt.
 */

/** What a goal is measured against. */
export interface GoalTarget {
  /** The amount to save, in minor units (positive). */
  targetCents: number;
  /** The day to reach it by; null for none. */
  targetDate: string | null;
}

/** What has been saved, at two moments. */
export interface GoalSavings {
  /** Saved as of today: the linked account's balance, or the sum of the contributions. */
  savedCents: string;
  /** Saved as of the end of `paceBaselineDay(today)`, the day before the pace window. */
  savedAtBaselineCents: string;
}

export interface GoalProgress {
  savedCents: string;
  /** Target minus saved; zero once reached. */
  remainingCents: string;
  /** Saved as a share of the target, 0–100, two decimals, rounded down. */
  percent: number;
  /**
   * What to save each month to reach the target by its date: the remainder spread evenly over
   * the months left (rounded up to a whole cent); the whole remainder once the date has come.
   * Null without a target date.
   */
  neededPerMonthCents: string | null;
  /** The average monthly change of the savings over the pace window (see `paceOf`). */
  paceCents: string;
  /**
   * The month the target is reached at that pace: the first month `n` months from the current
   * one with saved + pace × n ≥ target. Null when reached, when the pace is not positive, or
   * when that month is more than `MAX_PROJECTION_MONTHS` away.
   */
  projectedMonth: string | null;
  /** Saved ≥ target. */
  reached: boolean;
}

/** How far ahead a projection goes: a hundred years; further away is "not at this pace". */
export const MAX_PROJECTION_MONTHS = 1200;

/** How many full months before the current one the pace window covers. */
export const PACE_FULL_MONTHS = 3;

/** The month index (months since January of year 0) of a `YYYY-MM-DD` day or `YYYY-MM` month. */
function monthIndexOf(dayOrMonth: string): number {
  const [year, month] = dayOrMonth.split('-').map(Number);
  return year * 12 + month - 1;
}

/** The `YYYY-MM` month of a month index. */
function monthOf(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** How many days month `index` has. */
function daysInMonth(index: number): number {
  const year = Math.floor(index / 12);
  return new Date(Date.UTC(year, index - year * 12 + 1, 0)).getUTCDate();
}

function dayOfMonthOf(day: string): number {
  return Number(day.slice(8, 10));
}

/** The `YYYY-MM` month `months` after the month of `day`. */
function monthsAfter(day: string, months: number): string {
  return monthOf(monthIndexOf(day) + months);
}

/**
 * The last day before the pace window: the window is the `PACE_FULL_MONTHS` full months
 * before the current month plus the current month up to today, so this is the last day of the
 * month `PACE_FULL_MONTHS + 1` months back. Savings are read as of the end of this day.
 */
export function paceBaselineDay(today: string): string {
  const index = monthIndexOf(today) - PACE_FULL_MONTHS - 1;
  return `${monthOf(index)}-${String(daysInMonth(index)).padStart(2, '0')}`;
}

/** The day `months` months after `day`, clamped to that month's length (31 Jan + 1: 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const index = monthIndexOf(day) + months;
  const date = Math.min(dayOfMonthOf(day), daysInMonth(index));
  return `${monthOf(index)}-${String(date).padStart(2, '0')}`;
}

/**
 * Months left to save in: the fewest whole months `m ≥ 1` with today + m months on or after
 * the target date. So a date later this month, or on today's day of the next month, leaves
 * one; a date that is today or has passed leaves one too (the whole remainder is needed now).
 */
export function monthsLeft(today: string, targetDate: string): number {
  const sameDayMonths = monthIndexOf(targetDate) - monthIndexOf(today);
  const months = addMonths(today, sameDayMonths) >= targetDate ? sameDayMonths : sameDayMonths + 1;
  return Math.max(1, months);
}

/** a ÷ b rounded up, for a ≥ 0 and b > 0. */
function divideUp(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** a ÷ b rounded down (toward −∞), for b > 0. */
function divideDown(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== 0n && a < 0n ? quotient - 1n : quotient;
}

/**
 * The pace: the change of the savings over the pace window divided by the window's length in
 * months — `PACE_FULL_MONTHS` full months plus the elapsed share of the current month (today
 * counted) — rounded down to a whole cent. A month begun today with nothing saved in it yet
 * weighs little; at its last day the window is four whole months.
 */
export function paceOf(savings: GoalSavings, today: string): bigint {
  const change = BigInt(savings.savedCents) - BigInt(savings.savedAtBaselineCents);
  const monthDays = BigInt(daysInMonth(monthIndexOf(today)));
  const elapsedDays = BigInt(dayOfMonthOf(today));
  return divideDown(change * monthDays, BigInt(PACE_FULL_MONTHS) * monthDays + elapsedDays);
}

/** Saved as a share of the target, clamped to 0–100, rounded down to two decimals. */
function percentOf(saved: bigint, target: bigint): number {
  if (saved <= 0n) return 0;
  if (saved >= target) return 100;
  return Number((saved * 10_000n) / target) / 100;
}

export function goalProgressOf(
  goal: GoalTarget,
  savings: GoalSavings,
  today: string,
): GoalProgress {
  const saved = BigInt(savings.savedCents);
  const target = BigInt(goal.targetCents);
  const remaining = saved >= target ? 0n : target - saved;
  const pace = paceOf(savings, today);
  const reached = remaining === 0n;
  const months = reached || pace <= 0n ? null : divideUp(remaining, pace);
  return {
    savedCents: savings.savedCents,
    remainingCents: remaining.toString(),
    percent: percentOf(saved, target),
    neededPerMonthCents:
      goal.targetDate === null
        ? null
        : divideUp(remaining, BigInt(monthsLeft(today, goal.targetDate))).toString(),
    paceCents: pace.toString(),
    projectedMonth:
      months === null || months > BigInt(MAX_PROJECTION_MONTHS)
        ? null
        : monthsAfter(today, Number(months)),
    reached,
  };
}
