import { centsFromDecimal } from './money';

/**
 * Checks of what a person typed, made before anything is sent. Each answers what to do, in the
 * words of the form ("Enter your name"), or undefined when the value will do.
 */
export type Validator = (value: string) => string | undefined;

/** Something other than spaces. */
export const present =
  (message: string): Validator =>
  (value) =>
    value.trim() ? undefined : message;

/** At least `length` characters. */
export const longEnough =
  (length: number, message: string): Validator =>
  (value) =>
    value.length >= length ? undefined : message;

/** Text like `name@example.com`: something, an @, a domain with a dot; no spaces inside. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailAddress: Validator = (value) =>
  EMAIL_SHAPE.test(value.trim()) ? undefined : 'Enter an email address like name@example.com';

/** Three letters, as ISO 4217 codes are (EUR, usd); the API knows which exist. */
export const currencyCode: Validator = (value) =>
  /^[a-z]{3}$/i.test(value.trim()) ? undefined : 'Enter a currency code like EUR';

/** The API's largest amount, in cents (10^14, its MAX_AMOUNT_CENTS). */
const MAX_AMOUNT_CENTS = 100_000_000_000_000;

/** A positive amount as people type it ("12.50", "12,5", "12"), within what the API stores. */
export const amount: Validator = (value) => {
  const cents = centsFromDecimal(value);
  if (cents === null) return 'Enter an amount like 12.50';
  if (cents === 0) return 'Enter an amount above zero, like 12.50';
  if (cents > MAX_AMOUNT_CENTS) {
    return `Enter an amount up to ${(MAX_AMOUNT_CENTS / 100).toLocaleString('en')}`;
  }
  return undefined;
};

/** Each field's first problem, by the validators listed for it in order; passing fields are left out. */
export function firstProblems<Name extends string>(
  values: Record<Name, string>,
  validators: Partial<Record<Name, readonly Validator[]>>,
): Partial<Record<Name, string>> {
  const problems: Partial<Record<Name, string>> = {};
  for (const name of Object.keys(validators) as Name[]) {
    for (const validate of validators[name] ?? []) {
      const problem = validate(values[name]);
      if (problem) {
        problems[name] = problem;
        break;
      }
    }
  }
  return problems;
}
