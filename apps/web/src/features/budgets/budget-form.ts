import type { FieldMessages, FormFields } from '../../lib/field-errors';
import { centsFromDecimal } from '../../lib/money';
import { amount, currencyCode, firstProblems, present, type Validator } from '../../lib/validators';
import type { CreateBudgetInput } from './api/create-budget';
import type { Budget, BudgetPeriod } from './api/get-budgets';
import type { UpdateBudgetInput } from './api/update-budget';

/** The budget form's fields as typed; amounts and percentages are text until submitted. */
export interface BudgetFormValues {
  /** Empty for a budget on all spending. */
  categoryId: string;
  period: BudgetPeriod;
  limit: string;
  currency: string;
  startDate: string;
  thresholds: string;
}

export type BudgetField = keyof BudgetFormValues;

/** The form's fields: their labels, and the API's name where it differs. */
export const BUDGET_FIELDS: FormFields<BudgetField> = {
  categoryId: { label: 'Category' },
  currency: { label: 'Currency' },
  period: { label: 'Period' },
  limit: { label: 'Limit', api: 'limitCents' },
  startDate: { label: 'Starts on' },
  thresholds: { label: 'Alert thresholds (%)', api: 'alertThresholds' },
};

export type BudgetFormErrors = FieldMessages<BudgetField>;

/** Cents as the limit field shows them: "420" or "420.50". */
export function formatAmountInput(cents: number): string {
  const rest = cents % 100;
  const whole = (cents - rest) / 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}

/** "80, 100" (commas or spaces, an optional % sign) → [80, 100], sorted, each once; else null. */
export function parseThresholds(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((part) => part.replace(/%$/, ''));
  if (parts.length === 0 || parts.some((part) => !/^\d+$/.test(part))) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A new budget: monthly, on all spending, in the user's default currency, from the first of the
 * current month.
 */
export function newBudgetValues(today: Date, defaultCurrency: string): BudgetFormValues {
  return {
    categoryId: '',
    period: 'monthly',
    limit: '',
    currency: defaultCurrency,
    startDate: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-01`,
    thresholds: '80, 100',
  };
}

export function budgetValues(budget: Budget): BudgetFormValues {
  return {
    categoryId: budget.categoryId ?? '',
    period: budget.period,
    limit: formatAmountInput(budget.limitCents),
    currency: budget.currency,
    startDate: budget.startDate,
    thresholds: budget.alertThresholds.join(', '),
  };
}

export type Checked<T> = { ok: true; body: T } | { ok: false; errors: BudgetFormErrors };

interface CommonFields {
  limitCents: number;
  alertThresholds: number[];
  startDate: string;
}

/** The API takes thresholds from 1 % to 1000 %. */
const thresholdList: Validator = (text) => {
  const thresholds = parseThresholds(text);
  if (!thresholds) return 'Enter whole percentages separated by commas, such as 80, 100';
  if (thresholds.some((threshold) => threshold < 1 || threshold > 1000)) {
    return 'Enter percentages from 1 to 1000, such as 80, 100';
  }
  return undefined;
};

const COMMON_CHECKS = {
  limit: [amount],
  startDate: [present('Enter the date the budget starts')],
  thresholds: [thresholdList],
};

/**
 * The fields both bodies share, with the `checks` of every field the body sends; the API checks
 * the rest, and its messages show alike.
 */
function readCommonFields(
  values: BudgetFormValues,
  checks: Partial<Record<BudgetField, Validator[]>>,
): Checked<CommonFields> {
  const errors = firstProblems(values, checks);
  const limitCents = centsFromDecimal(values.limit);
  const alertThresholds = parseThresholds(values.thresholds);
  if (Object.keys(errors).length > 0 || !limitCents || !alertThresholds) {
    return { ok: false, errors };
  }
  return { ok: true, body: { limitCents, alertThresholds, startDate: values.startDate } };
}

export function toCreateBody(values: BudgetFormValues): Checked<CreateBudgetInput> {
  const common = readCommonFields(values, { currency: [currencyCode], ...COMMON_CHECKS });
  if (!common.ok) return common;
  return {
    ok: true,
    body: {
      ...common.body,
      categoryId: values.categoryId || null,
      period: values.period,
      currency: values.currency.trim().toUpperCase(),
    },
  };
}

/** Category and currency are fixed once a budget exists (the API refuses them on update). */
export function toUpdateBody(values: BudgetFormValues): Checked<UpdateBudgetInput> {
  const common = readCommonFields(values, COMMON_CHECKS);
  if (!common.ok) return common;
  return { ok: true, body: { ...common.body, period: values.period } };
}
