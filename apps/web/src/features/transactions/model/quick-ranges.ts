import type { Weekday } from '@ledgerlens/contracts';
import { type DateRange, dayIn, monthBefore, monthOf, weekOf } from '../../../lib/date-ranges';

/** What "this week" and "this month" mean to the user: their preferences say. */
export interface CalendarSettings {
  /** IANA time zone whose date is "today". */
  timeZone: string;
  firstDayOfWeek: Weekday;
}

export interface QuickRange {
  label: string;
  range: DateRange;
}

/** The date ranges the filters offer in one click, as they are at `now`. */
export function quickRangesAt(
  now: Date,
  { timeZone, firstDayOfWeek }: CalendarSettings,
): QuickRange[] {
  const today = dayIn(now, timeZone);
  return [
    { label: 'This week', range: weekOf(today, firstDayOfWeek) },
    { label: 'This month', range: monthOf(today) },
    { label: 'Last month', range: monthBefore(today) },
  ];
}
