/** A moment in the viewer's time zone: `21 Nov 2026, 14:05`. */
export function formatLocalTime(iso: string, options?: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(
    undefined,
    options ?? { dateStyle: 'medium', timeStyle: 'short' },
  ).format(new Date(iso));
}

/** The same moment in UTC, for the hover title: `2026-11-21 13:05:09 UTC`. */
export function formatUtcTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
