/**
 * The dashboard over time (issue 20): months as the insights routes and the SPA's month picker
 * write them, and how many of them one request may span.
 */

/** A calendar month written `YYYY-MM` (`2026-11`), month 01 to 12. */
export const MONTH_KEY_PATTERN = '^[1-9][0-9]{3}-(0[1-9]|1[0-2])$';

/** Months the insights routes answer when no range is asked for: the year up to this month. */
export const DEFAULT_INSIGHT_MONTHS = 12;

/** Most months one insights request may span (five years). */
export const MAX_INSIGHT_MONTHS = 60;

/** Whether `value` is a month written `YYYY-MM`. */
export const isMonthKey = (value: unknown): value is string =>
  typeof value === 'string' && new RegExp(MONTH_KEY_PATTERN).test(value);
