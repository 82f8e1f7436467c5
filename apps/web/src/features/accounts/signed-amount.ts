import { centsFromDecimal, decimalFromCents } from '../../lib/money';
import type { Validator } from '../../lib/validators';

/** The API's largest balance either way, in cents (10^14). */
const MAX_BALANCE_CENTS = 100_000_000_000_000;

/** A leading minus as people type it: a hyphen or a true minus. */
const MINUS = /^[-\u2212]\s*/;

/**
 * Cents from an amount that may be negative ("-300", "−12.50", "1200"): an account can be
 * overdrawn, a card or a loan owes. Null when it is not an amount.
 */
export function signedCentsFromDecimal(text: string): number | null {
  const trimmed = text.trim();
  const negative = MINUS.test(trimmed);
  const cents = centsFromDecimal(trimmed.replace(MINUS, ''));
  if (cents === null) return null;
  return negative ? -cents : cents;
}

/** The field's text for `cents`, the minus kept: -1250 → "-12.50". */
export const signedDecimalFromCents = (cents: number) =>
  `${cents < 0 ? '-' : ''}${decimalFromCents(Math.abs(cents))}`;

/** An amount that may be negative or zero, within what the API stores. */
export const signedAmount: Validator = (value) => {
  const cents = signedCentsFromDecimal(value);
  if (cents === null) return 'Enter an amount like 1200.50, or -300 for money owed';
  if (Math.abs(cents) > MAX_BALANCE_CENTS) {
    return `Enter an amount up to ${(MAX_BALANCE_CENTS / 100).toLocaleString('en')} either way`;
  }
  return undefined;
};
