import type { FieldMessages, FormFields } from '../../lib/field-errors';
import { centsFromDecimal, decimalFromCents } from '../../lib/money';
import { amount, currencyCode, firstProblems, present, type Validator } from '../../lib/validators';
import type { Frequency, RecurringRule } from './api/get-recurring-rules';
import type { RuleInput } from './api/save-rule';

/** How a rule ends. */
export type RuleEnd = 'never' | 'on' | 'after';

/** The rule form's fields as typed; numbers are text until submitted. */
export interface RuleFormValues {
  name: string;
  description: string;
  /** Empty for none: then `type` says expense or income. */
  categoryId: string;
  type: 'expense' | 'income';
  amount: string;
  currency: string;
  frequency: Frequency;
  interval: string;
  /** Monthly rules: "1" to "28", or "last". */
  monthDay: string;
  startDate: string;
  ends: RuleEnd;
  endDate: string;
  count: string;
}

export type RuleField = keyof RuleFormValues;

/** The form's fields: their labels, and the API's name where it differs. */
export const RULE_FIELDS: FormFields<RuleField> = {
  name: { label: 'Name' },
  description: { label: 'Description' },
  categoryId: { label: 'Category' },
  type: { label: 'Type' },
  amount: { label: 'Amount', api: 'amountCents' },
  currency: { label: 'Currency' },
  frequency: { label: 'Repeats' },
  interval: { label: 'Every' },
  monthDay: { label: 'Day of the month', api: 'dayOfMonth' },
  startDate: { label: 'Starts on' },
  ends: { label: 'Ends' },
  endDate: { label: 'End date' },
  count: { label: 'Number of times', api: 'occurrenceCount' },
};

export type Checked =
  { ok: true; body: RuleInput } | { ok: false; errors: FieldMessages<RuleField> };

/** A new rule: monthly on the 1st, in the user's default currency, from today, without an end. */
export function newRuleValues(today: string, defaultCurrency: string): RuleFormValues {
  return {
    name: '',
    description: '',
    categoryId: '',
    type: 'expense',
    amount: '',
    currency: defaultCurrency,
    frequency: 'monthly',
    interval: '1',
    monthDay: '1',
    startDate: today,
    ends: 'never',
    endDate: '',
    count: '',
  };
}

export function ruleValues(rule: RecurringRule): RuleFormValues {
  return {
    name: rule.name,
    description: rule.description ?? '',
    categoryId: rule.categoryId ?? '',
    type: rule.type,
    amount: decimalFromCents(rule.amountCents),
    currency: rule.currency,
    frequency: rule.frequency,
    interval: String(rule.interval),
    monthDay: rule.lastDayOfMonth ? 'last' : String(rule.dayOfMonth ?? 1),
    startDate: rule.startDate,
    ends: rule.endDate ? 'on' : rule.occurrenceCount ? 'after' : 'never',
    endDate: rule.endDate ?? '',
    count: rule.occurrenceCount ? String(rule.occurrenceCount) : '',
  };
}

const wholeNumber =
  (min: number, max: number, message: string): Validator =>
  (text) => {
    const value = Number(text.trim());
    return /^\d+$/.test(text.trim()) && value >= min && value <= max ? undefined : message;
  };

/** The checks of the fields the values send. */
function checksOf(values: RuleFormValues): Partial<Record<RuleField, Validator[]>> {
  return {
    name: [present('Enter a name, such as Rent')],
    amount: [amount],
    currency: [currencyCode],
    interval: [wholeNumber(1, 999, 'Enter a whole number from 1 to 999')],
    startDate: [present('Enter the date of the first occurrence')],
    ...(values.ends === 'on' ? { endDate: [present('Enter the last possible date')] } : {}),
    ...(values.ends === 'after'
      ? { count: [wholeNumber(1, 100_000, 'Enter how many times, such as 12')] }
      : {}),
  };
}

/** The body the API takes, or why the form cannot send it yet. */
export function toRuleBody(values: RuleFormValues): Checked {
  const errors = firstProblems(values, checksOf(values));
  const amountCents = centsFromDecimal(values.amount);
  if (Object.keys(errors).length > 0 || !amountCents) return { ok: false, errors };
  const monthly = values.frequency === 'monthly';
  return {
    ok: true,
    body: {
      name: values.name.trim(),
      description: values.description.trim() || null,
      categoryId: values.categoryId || null,
      // With a category, the type follows its kind.
      ...(values.categoryId ? {} : { type: values.type }),
      amountCents,
      currency: values.currency.trim().toUpperCase(),
      frequency: values.frequency,
      interval: Number(values.interval),
      dayOfMonth: monthly && values.monthDay !== 'last' ? Number(values.monthDay) : null,
      lastDayOfMonth: monthly && values.monthDay === 'last',
      startDate: values.startDate,
      endDate: values.ends === 'on' ? values.endDate : null,
      occurrenceCount: values.ends === 'after' ? Number(values.count) : null,
    },
  };
}
