import { formatSettings } from '../lib/format-settings';

/**
 * A whole number of minor units: a JSON number for one amount, or the exact decimal string the
 * API sends every sum as (sums can pass 2^53, where a number loses cents).
 */
export type MinorUnits = number | bigint | string;

/**
 * Digits of the minor unit. The whole app counts every currency in hundredths, as the amount
 * fields read them (lib/money.ts), so formatting does the same.
 */
const MINOR_UNIT_DIGITS = 2;

/**
 * Minor units as a decimal string of major units: `-9100000000000001` → `"-91000000000000.01"`.
 * The point is moved in the digits, never by dividing a float, so no cent is rounded away.
 */
function majorUnitsOf(cents: MinorUnits): Intl.StringNumericLiteral {
  const value = BigInt(cents);
  const digits = (value < 0n ? -value : value).toString().padStart(MINOR_UNIT_DIGITS + 1, '0');
  const point = digits.length - MINOR_UNIT_DIGITS;
  return `${value < 0n ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}` as Intl.StringNumericLiteral;
}

/** The one minus sign of every amount: a true minus, as wide as the plus, not a hyphen. */
const MINUS = '\u2212';

/**
 * Money from integer cents, in the user's number format: `formatMoney(-1250, 'EUR')` → "−€12.50"
 * (en-US), "−12,50 €" (de-DE). Exact for sums too: `Intl.NumberFormat` formats a decimal string
 * without turning it into a float.
 */
export function formatMoney(cents: MinorUnits, currency: string): string {
  return new Intl.NumberFormat(formatSettings().numberLocale, { style: 'currency', currency })
    .formatToParts(majorUnitsOf(cents))
    .map((part) => (part.type === 'minusSign' ? MINUS : part.value))
    .join('');
}

/** A calendar date (`2026-11-21`) in the user's date format, without shifting it by time zone. */
export function formatDay(
  day: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const [year = NaN, month = NaN, date = NaN] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(formatSettings().dateLocale, {
    ...options,
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** Money with an explicit sign, a true minus for losses: "−€12.50", "+€3.00", "€0.00". */
export function formatSignedMoney(cents: MinorUnits, currency: string): string {
  const value = BigInt(cents);
  const sign = value < 0n ? MINUS : value > 0n ? '+' : '';
  return `${sign}${formatMoney(value < 0n ? -value : value, currency)}`;
}

/**
 * A moment in the user's time zone and date format, by default to the second:
 * `Nov 21, 2026, 2:05:09 PM` (en-US, UTC).
 */
export function formatLocalTime(
  iso: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' },
): string {
  const { dateLocale, timeZone } = formatSettings();
  return new Intl.DateTimeFormat(dateLocale, { timeZone, ...options }).format(new Date(iso));
}

/** The same moment in UTC, for a hover title: `2026-11-21 13:05:09 UTC`. */
export function formatUtcTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO instant as a `datetime-local` input shows it: the viewer's wall-clock time. */
export function localInputOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (the viewer's wall-clock time) as an ISO instant; '' if empty. */
export function isoOfLocalInput(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
