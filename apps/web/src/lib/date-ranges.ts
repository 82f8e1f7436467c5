import type { Weekday } from '@ledgerlens/contracts';

/**
 * Calendar arithmetic for "this week", "this month" and "last month" as the user's preferences
 * define them (issue 20): weeks start on their first day of the week, and "today" is the date in
 * their time zone, not the browser's. Days are `YYYY-MM-DD`; the arithmetic runs on UTC midnights,
 * so no local time zone or daylight saving change can shift a day.
 */

/** Calendar days from `from` to `to`, both included, as `YYYY-MM-DD`. */
export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one is slow, and the filters ask on every render. */
function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar date `moment` falls on in `timeZone` (an IANA name such as `Europe/Zurich`). */
export function dayIn(moment: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    dayFormatIn(timeZone)
      .formatToParts(moment)
      .map(({ type, value }) => [type, value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Milliseconds of the day's UTC midnight. */
function utcMidnightOf(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year ?? NaN, (month ?? NaN) - 1, date ?? NaN);
}

const dayAt = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/** The day `days` after `day` (before it when negative). */
export const addDays = (day: string, days: number): string =>
  dayAt(utcMidnightOf(day) + days * DAY_MS);

/** The ISO weekday of `day`: 1 Monday … 7 Sunday. */
export function weekdayOf(day: string): Weekday {
  const sundayFirst = new Date(utcMidnightOf(day)).getUTCDay();
  return (sundayFirst === 0 ? 7 : sundayFirst) as Weekday;
}

/** The seven days around `day` from the last `firstDayOfWeek` on or before it. */
export function weekOf(day: string, firstDayOfWeek: Weekday): DateRange {
  const from = addDays(day, -((weekdayOf(day) - firstDayOfWeek + 7) % 7));
  return { from, to: addDays(from, 6) };
}

/** The calendar month `day` is in, from its 1st to its last day. */
export function monthOf(day: string): DateRange {
  const from = `${day.slice(0, 8)}01`;
  const [year, month] = from.split('-').map(Number);
  // Day 0 of the next month is the last day of this one.
  return { from, to: dayAt(Date.UTC(year ?? NaN, month ?? NaN, 0)) };
}

/** The calendar month before the one `day` is in. */
export const monthBefore = (day: string): DateRange => monthOf(addDays(monthOf(day).from, -1));
