import { formatSettings } from '../../lib/format-settings';

/** A calendar month as the API's date filters and the page need it. */
export interface Month {
  /** "2026-11": the query key part, and the `?month=` of the URL. */
  key: string;
  /** First and last day, inclusive, as `from`/`to` of the transactions list. */
  from: string;
  to: string;
  /** "November 2026", in the user's date format. */
  name: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

const keyOf = (year: number, month: number) => `${year}-${pad(month)}`;

/** Year and month (1–12) of a key "2026-11". */
function partsOf(key: string): [year: number, month: number] {
  const [year = 1970, month = 1] = key.split('-').map(Number);
  return [year, month];
}

/**
 * The month it is at `instant` in `timeZone` (the user's preference, not the browser's zone):
 * at 30 November 12:00 UTC it is already December in Auckland.
 */
export function currentMonthKey(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return keyOf(part('year'), part('month'));
}

/** The month `by` months after (or, negative, before) `key`. */
export function shiftMonth(key: string, by: number): string {
  const [year, month] = partsOf(key);
  const index = year * 12 + (month - 1) + by;
  return keyOf(Math.floor(index / 12), (index % 12) + 1);
}

/** A month's days and name, from its key. */
export function monthOfKey(key: string): Month {
  const [year, month] = partsOf(key);
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    key,
    from: `${key}-01`,
    to: `${key}-${pad(lastDay)}`,
    name: new Intl.DateTimeFormat(formatSettings().dateLocale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(Date.UTC(year, month - 1, 1)),
  };
}

/** "Nov", or with its year "Nov 2026": a month's short name, in the user's date format. */
export function shortMonthName(key: string, withYear = false): string {
  const [year, month] = partsOf(key);
  return new Intl.DateTimeFormat(formatSettings().dateLocale, {
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, 1));
}
