import type { FieldMessages, FormFields } from '../../lib/field-errors';
import { centsFromDecimal, decimalFromCents } from '../../lib/money';
import { amount, currencyCode, firstProblems, present } from '../../lib/validators';
import type { Goal } from './api/get-goals';
import type { GoalInput } from './api/save-goal';

/** The goal form's fields as typed; the target is text until submitted. */
export interface GoalFormValues {
  name: string;
  target: string;
  currency: string;
  /** Empty for none. */
  targetDate: string;
  /** Empty: fed by contributions. */
  accountId: string;
}

export type GoalField = keyof GoalFormValues;

export const GOAL_FIELDS: FormFields<GoalField> = {
  name: { label: 'Name' },
  target: { label: 'Target amount', api: 'targetCents' },
  currency: { label: 'Currency' },
  targetDate: { label: 'Reach it by' },
  accountId: { label: 'Saved in' },
};

export type CheckedGoal =
  { ok: true; body: GoalInput } | { ok: false; errors: FieldMessages<GoalField> };

/** A new goal in the user's default currency, fed by contributions. */
export const newGoalValues = (currency: string): GoalFormValues => ({
  name: '',
  target: '',
  currency,
  targetDate: '',
  accountId: '',
});

export const goalValues = (goal: Goal): GoalFormValues => ({
  name: goal.name,
  target: decimalFromCents(goal.targetCents),
  currency: goal.currency,
  targetDate: goal.targetDate ?? '',
  accountId: goal.accountId ?? '',
});

/** The body the API takes, or why the form cannot send it yet. */
export function toGoalBody(values: GoalFormValues): CheckedGoal {
  const errors = firstProblems(values, {
    name: [present('Enter a name, such as Holiday')],
    target: [amount],
    currency: [currencyCode],
  });
  const targetCents = centsFromDecimal(values.target);
  if (Object.keys(errors).length > 0 || !targetCents) return { ok: false, errors };
  return {
    ok: true,
    body: {
      name: values.name.trim(),
      targetCents,
      currency: values.currency.trim().toUpperCase(),
      targetDate: values.targetDate || null,
      accountId: values.accountId || null,
    },
  };
}
