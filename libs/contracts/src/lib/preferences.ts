/**
 * The locales a user may pick to format numbers and dates (issue 20, "Preferences"): a small,
 * validated set, the same for the API's checks and the SPA's choices.
 */
export const FORMAT_LOCALES = [
  'en-US',
  'en-GB',
  'de-DE',
  'fr-FR',
  'de-CH',
  'en-IN',
  'ja-JP',
] as const;
export type FormatLocale = (typeof FORMAT_LOCALES)[number];

/** The first day of a week, as ISO weekday numbers: 1 Monday … 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** What a user starts with until they change it. */
export const DEFAULT_PREFERENCES = {
  defaultCurrency: 'EUR',
  timeZone: 'UTC',
  firstDayOfWeek: 1,
  numberFormat: 'en-US',
  dateFormat: 'en-US',
} as const satisfies {
  defaultCurrency: string;
  timeZone: string;
  firstDayOfWeek: Weekday;
  numberFormat: FormatLocale;
  dateFormat: FormatLocale;
};
