import { MAX_AMOUNT_CENTS } from '../../../common/http/money-fields';
import { DECIMAL_SEPARATORS, DecimalSeparator } from './csv-settings';

/** What an amount's text holds besides the number: currency codes and signs, spaces. */
const CURRENCY_MARKS = /^[A-Z]{3}(?=[\s\d+\-−(])|[A-Z]{3}$|[€$£¥]/g;
const SPACES = /[\s\u00a0\u202f]/g;

export type AmountReading = { cents: number } | { problem: string };

/** The separators that may group thousands when `decimal` separates the cents. */
function thousandsOf(decimal: DecimalSeparator): string {
  return decimal === ',' ? "[.']" : "[,']";
}

function numberPattern(decimal: DecimalSeparator): RegExp {
  const d = `\\${decimal}`;
  const t = thousandsOf(decimal);
  return new RegExp(`^(?:(\\d{1,3}(?:${t}\\d{3})+)|(\\d*))(?:${d}(\\d{1,2}))?$`);
}

const PATTERNS = new Map(DECIMAL_SEPARATORS.map((decimal) => [decimal, numberPattern(decimal)]));

/** The sign and the unsigned rest: `-12,50`, `12,50-`, `(12.50)`, `+12.50`, `−12.50`. */
function signed(text: string): { negative: boolean; digits: string } {
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) return { negative: true, digits: bracketed[1] };
  const leading = /^([+\-−])(.*)$/.exec(text);
  if (leading) return { negative: leading[1] !== '+', digits: leading[2] };
  const trailing = /^(.*)-$/.exec(text);
  if (trailing) return { negative: true, digits: trailing[1] };
  return { negative: false, digits: text };
}

/**
 * A signed amount in cents from a bank's text, with `decimal` separating the cents (at most two
 * decimal places) and the other separator, an apostrophe or spaces grouping thousands. Currency
 * codes and symbols are ignored. Exact: no floating point on the way.
 */
export function parseAmountCents(text: string, decimal: DecimalSeparator): AmountReading {
  const shown = text.trim();
  const bare = shown.replace(CURRENCY_MARKS, '').replace(SPACES, '');
  const { negative, digits } = signed(bare);
  const match = PATTERNS.get(decimal)?.exec(digits);
  const whole = match ? (match[1] ?? match[2]).replace(/\D/g, '') : '';
  if (!match || (whole === '' && match[3] === undefined)) {
    return { problem: `amount '${shown}' is not an amount` };
  }
  const cents = Number(whole || '0') * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) {
    return { problem: `amount '${shown}' is larger than ${MAX_AMOUNT_CENTS / 100}` };
  }
  return { cents: negative && cents !== 0 ? -cents : cents };
}

/** Whether `text` reads as an amount with either decimal separator. */
export const looksLikeAmount = (text: string) =>
  DECIMAL_SEPARATORS.some((decimal) => 'cents' in parseAmountCents(text, decimal));

/**
 * The decimal separator that reads the most of `values` (empty ones aside); on a tie the one
 * more values use before their cents (`12,50`), then `.`.
 */
export function decimalSeparatorFitting(values: readonly string[]): DecimalSeparator {
  const filled = values.filter((value) => value.trim() !== '');
  const score = (decimal: DecimalSeparator) => {
    const read = filled.filter((value) => 'cents' in parseAmountCents(value, decimal)).length;
    const decimalPoint = new RegExp(`\\${decimal}\\d{1,2}\\)?-?\\s*(?:[A-Z]{3}|[€$£¥])?$`);
    const usedAsDecimal = filled.filter((value) => decimalPoint.test(value.trim())).length;
    return [read, usedAsDecimal];
  };
  const [dot, comma] = [score('.'), score(',')];
  if (comma[0] !== dot[0]) return comma[0] > dot[0] ? ',' : '.';
  return comma[1] > dot[1] ? ',' : '.';
}
