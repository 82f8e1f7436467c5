import { CSV_DATE_FORMATS, type CsvDateFormat } from '@ledgerlens/contracts';

/** The date formats a bank's CSV may use (shared with the SPA); detection tries them in order. */
export const DATE_FORMATS = CSV_DATE_FORMATS;
export type DateFormat = CsvDateFormat;

export const isDateFormat = (value: string): value is DateFormat =>
  (DATE_FORMATS as readonly string[]).includes(value);

interface DatePattern {
  regex: RegExp;
  /** The parts in the order the regex captures them. */
  order: ('Y' | 'M' | 'D')[];
  twoDigitYear: boolean;
}

function patternOf(format: DateFormat): DatePattern {
  const order: DatePattern['order'] = [];
  const source = format.replace(/YYYY|YY|MM|DD|[./-]/g, (token) => {
    if (token === 'YYYY' || token === 'YY') order.push('Y');
    if (token === 'MM') order.push('M');
    if (token === 'DD') order.push('D');
    if (token === 'YYYY') return '(\\d{4})';
    if (token === 'YY') return '(\\d{2})';
    if (token === 'MM' || token === 'DD') return '(\\d{1,2})';
    return `\\${token}`;
  });
  return { regex: new RegExp(`^${source}$`), order, twoDigitYear: !format.includes('YYYY') };
}

const PATTERNS = new Map(DATE_FORMATS.map((format) => [format, patternOf(format)]));

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** A real calendar day: 31 February is not one. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `text` read in `format` as `YYYY-MM-DD`, or null when it is not a date in that format.
 * Two-digit years are 2000–2069 below 70, else 1970–1999.
 */
export function parseDate(text: string, format: DateFormat): string | null {
  const pattern = PATTERNS.get(format);
  const match = pattern?.regex.exec(text.trim());
  if (!pattern || !match) return null;
  const parts = { Y: 0, M: 0, D: 0 };
  pattern.order.forEach((part, index) => (parts[part] = Number(match[index + 1])));
  if (pattern.twoDigitYear) parts.Y += parts.Y < 70 ? 2000 : 1900;
  if (parts.Y < 1 || !isCalendarDay(parts.Y, parts.M, parts.D)) return null;
  return `${pad(parts.Y, 4)}-${pad(parts.M, 2)}-${pad(parts.D, 2)}`;
}

/** Whether `text` reads as a date in any known format. */
export const looksLikeDate = (text: string) =>
  DATE_FORMATS.some((format) => parseDate(text, format) !== null);

/**
 * The formats that read the most of `values` (empty ones aside), in `DATE_FORMATS` order: one
 * when the values tell, several when they fit more than one (all days up to 12 fit both
 * `DD/MM/YYYY` and `MM/DD/YYYY`: the user must choose), none when no value is a date.
 */
export function dateFormatsFitting(values: readonly string[]): DateFormat[] {
  const filled = values.filter((value) => value.trim() !== '');
  let best = 0;
  let fitting: DateFormat[] = [];
  for (const format of DATE_FORMATS) {
    const read = filled.filter((value) => parseDate(value, format) !== null).length;
    if (read > best) [best, fitting] = [read, [format]];
    else if (read === best && read > 0) fitting.push(format);
  }
  return fitting;
}
