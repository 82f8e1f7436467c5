import { formatSettings } from './format-settings';

/** Amounts as people type them, and back: integer cents in between (the API's unit). */

const DECIMAL_AMOUNT = /^(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Cents from an amount as people type it ("12.50", "12,5", "12"); null when it is not one.
 * String arithmetic, not `* 100`, so 0.29 does not become 28.999….
 */
export function centsFromDecimal(text: string): number | null {
  const match = DECIMAL_AMOUNT.exec(text.trim());
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** The decimal mark of the user's number format: "." (en-US), "," (de-DE). */
function decimalMark(): string {
  const parts = new Intl.NumberFormat(formatSettings().numberLocale).formatToParts(0.5);
  return parts.find((part) => part.type === 'decimal')?.value ?? '.';
}

/**
 * The decimal form of cents, for a form field, with the user's decimal mark: 1250 → "12.50"
 * (en-US), "12,50" (de-DE); centsFromDecimal reads either back.
 */
export function decimalFromCents(cents: number): string {
  return `${Math.floor(cents / 100)}${decimalMark()}${String(cents % 100).padStart(2, '0')}`;
}
