import type { TransactionFilters, TransactionType } from '../api/types';
import { centsFromDecimal } from '../../../lib/money';

/** The filters as the URL keeps them: what the user typed, amounts in decimal. */
export const FILTER_PARAMS = ['q', 'from', 'to', 'category', 'type', 'min', 'max'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export type FilterValues = Record<FilterParam, string>;

export const AMOUNT_FORMAT_MESSAGE = 'Enter an amount such as 12.50';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TYPES: readonly string[] = ['expense', 'income'] satisfies TransactionType[];

export function filterValuesOf(params: URLSearchParams): FilterValues {
  return Object.fromEntries(
    FILTER_PARAMS.map((name) => [name, params.get(name) ?? '']),
  ) as FilterValues;
}

export const hasFilters = (values: FilterValues) => FILTER_PARAMS.some((name) => values[name]);

/**
 * The API's query from the URL's values. A value that cannot be one (a hand-edited URL, an
 * amount mid-typing) is left out rather than sent; `amountErrorsOf` says so next to its field.
 */
export function apiFiltersOf(values: FilterValues): TransactionFilters {
  const filters: TransactionFilters = {};
  const q = values.q.trim();
  if (q) filters.q = q;
  if (CALENDAR_DATE.test(values.from)) filters.from = values.from;
  if (CALENDAR_DATE.test(values.to)) filters.to = values.to;
  if (values.category) filters.categoryId = values.category;
  if (TYPES.includes(values.type)) filters.type = values.type as TransactionType;
  const min = centsFromDecimal(values.min);
  const max = centsFromDecimal(values.max);
  if (min) filters.minAmountCents = min;
  if (max) filters.maxAmountCents = max;
  return filters;
}

/** Messages for amount filters that are not positive amounts. */
export function amountErrorsOf(values: FilterValues): Partial<Record<'min' | 'max', string>> {
  const errors: Partial<Record<'min' | 'max', string>> = {};
  for (const name of ['min', 'max'] as const) {
    if (values[name] && !centsFromDecimal(values[name])) errors[name] = AMOUNT_FORMAT_MESSAGE;
  }
  return errors;
}
