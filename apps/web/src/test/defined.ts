/**
 * A value the test knows is there (the first request sent, a row found by index): returned as
 * defined, or the test fails saying what was missing.
 */
export function defined<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === undefined || value === null) throw new Error(`Expected ${what}, found none`);
  return value;
}
