/** Money from integer cents, in the user's locale: `formatMoney(-1250, 'EUR')` → "-€12.50". */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
}

/** A calendar date (`2026-11-21`) as the user reads it, without shifting it by time zone. */
export function formatDay(
  day: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

/** Money with an explicit sign, a true minus for losses: "−€12.50", "+€3.00", "€0.00". */
export function formatSignedMoney(cents: number, currency: string): string {
  const sign = cents < 0 ? '\u2212' : cents > 0 ? '+' : '';
  return `${sign}${formatMoney(Math.abs(cents), currency)}`;
}
