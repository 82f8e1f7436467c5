/** How often a rule recurs; `interval` counts these units between occurrences. */
export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** When a rule's occurrences fall. Days are calendar days written `YYYY-MM-DD`. */
export interface Schedule {
  frequency: Frequency;
  /** Every `interval` days, weeks, months or years. */
  interval: number;
  /** The first day an occurrence may fall on; weekly and yearly rules repeat its weekday / date. */
  startDate: string;
  /** Monthly rules: the day of the month (1–28), or null with `lastDayOfMonth`. */
  dayOfMonth: number | null;
  /** Monthly rules: on each month's last day. */
  lastDayOfMonth: boolean;
  /** The last day an occurrence may fall on (inclusive). */
  endDate: string | null;
  /** How many occurrences the rule has in all, counted from the start date. */
  occurrenceCount: number | null;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day. */
export function dayNumberOf(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** The `YYYY-MM-DD` day of a day number. */
export function dayOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The day `days` after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return dayOf(dayNumberOf(day) + days);
}

/** Today in UTC, `YYYY-MM-DD`. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** The day `day` of month `monthIndex` (months since January of year 0), clamped to its end. */
function dayInMonth(monthIndex: number, day: number): number {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  return Date.UTC(year, month, Math.min(day, lastDayOfMonth(year, month))) / DAY_MS;
}

/**
 * The candidates of a schedule, in order: candidate `k` is the k-th step from the start. All are
 * on or after the start day except, for a monthly rule, the first when its day of the month lies
 * before the start day — `occurrenceAt` leaves that one out.
 */
function candidateAt(schedule: Schedule, k: number): number {
  const start = dayNumberOf(schedule.startDate);
  const [year, month, date] = schedule.startDate.split('-').map(Number);
  const steps = k * schedule.interval;
  switch (schedule.frequency) {
    case 'daily':
      return start + steps;
    case 'weekly':
      return start + 7 * steps;
    case 'monthly':
      return dayInMonth(
        year * 12 + month - 1 + steps,
        schedule.lastDayOfMonth ? 31 : (schedule.dayOfMonth ?? date),
      );
    case 'yearly':
      // A rule starting on 29 February falls on the 28th in other years.
      return dayInMonth((year + steps) * 12 + month - 1, date);
  }
}

/** Whether the first candidate comes before the start, so occurrence `i` is candidate `i + 1`. */
function firstCandidateSkipped(schedule: Schedule): boolean {
  return candidateAt(schedule, 0) < dayNumberOf(schedule.startDate);
}

/** Occurrence `index` (from 0) as a day number, ignoring the rule's end. */
function occurrenceAt(schedule: Schedule, index: number): number {
  return candidateAt(schedule, index + (firstCandidateSkipped(schedule) ? 1 : 0));
}

/** Whether occurrence `index`, falling on `dayNumber`, is within the rule's end. */
function withinEnd(schedule: Schedule, index: number, dayNumber: number): boolean {
  if (schedule.occurrenceCount !== null && index >= schedule.occurrenceCount) return false;
  return schedule.endDate === null || dayNumber <= dayNumberOf(schedule.endDate);
}

/** An index at or before the first occurrence on or after `dayNumber`. */
function indexNear(schedule: Schedule, dayNumber: number): number {
  const elapsed = dayNumber - dayNumberOf(schedule.startDate);
  if (elapsed <= 0) return 0;
  const unitDays = { daily: 1, weekly: 7, monthly: 31, yearly: 366 }[schedule.frequency];
  // Months and years are at most 31 and 366 days long: never past the occurrence sought.
  return Math.max(0, Math.floor(elapsed / (unitDays * schedule.interval)) - 1);
}

/**
 * The occurrences of a rule from `from` to `until` (both inclusive), in order. Monthly rules on
 * the last day fall on each month's last day (28, 29, 30 or 31); a yearly rule that starts on
 * 29 February falls on 28 February in years without one. The start day itself is an occurrence
 * for daily, weekly and yearly rules, and for monthly ones when it is the rule's day.
 */
export function occurrencesBetween(schedule: Schedule, from: string, until: string): string[] {
  const last = dayNumberOf(until);
  const days: string[] = [];
  let index = indexNear(schedule, dayNumberOf(from));
  let day = occurrenceAt(schedule, index);
  while (day < dayNumberOf(from)) day = occurrenceAt(schedule, ++index);
  while (day <= last && withinEnd(schedule, index, day)) {
    days.push(dayOf(day));
    day = occurrenceAt(schedule, ++index);
  }
  return days;
}

/** The first occurrence on or after `day`, or null when the rule has ended by then. */
export function nextOccurrenceFrom(schedule: Schedule, day: string): string | null {
  let index = indexNear(schedule, dayNumberOf(day));
  let next = occurrenceAt(schedule, index);
  while (next < dayNumberOf(day)) next = occurrenceAt(schedule, ++index);
  return withinEnd(schedule, index, next) ? dayOf(next) : null;
}
