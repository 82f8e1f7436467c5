/**
 * Digits of the minor unit. The whole app counts every currency in hundredths (amount fields,
 * the SPA's formatting), so the text of notifications does the same.
 */
const MINOR_UNIT_DIGITS = 2;

/**
 * Minor units as money in words a person reads: `formatMoney('8500', 'EUR')` → "€85.00". Exact
 * for sums past 2^53: the point is moved in the digits and `Intl.NumberFormat` formats the
 * decimal string without turning it into a float.
 */
export function formatMoney(minorUnits: number | string, currency: string): string {
  const value = BigInt(minorUnits);
  const digits = (value < 0n ? -value : value).toString().padStart(MINOR_UNIT_DIGITS + 1, '0');
  const point = digits.length - MINOR_UNIT_DIGITS;
  const major = `${value < 0n ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(
      major as Intl.StringNumericLiteral,
    );
  } catch {
    // A code Intl does not know (stored codes are only checked for their shape).
    return `${major} ${currency}`;
  }
}
