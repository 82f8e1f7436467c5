import type { LogLevel, LogSource } from '@ledgerlens/contracts';

/** A log time in the viewer's time zone, to the millisecond: "21 Nov 2026, 11:15:30.123". */
export function formatLogTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
  }).format(date);
}

/** The UTC time shown on hover: the stored timestamp itself, to the microsecond. */
export const utcTitleOf = (iso: string): string => `${iso.replace('T', ' ').replace('Z', '')} UTC`;

export const LEVEL_LABELS: Record<LogLevel, string> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'FATAL',
};

/** Where a line came from, as the console names it: the API or the browser (the SPA). */
export const SOURCE_LABELS: Record<LogSource, string> = { backend: 'API', frontend: 'Browser' };
