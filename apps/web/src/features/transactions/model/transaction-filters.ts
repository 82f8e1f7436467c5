import type { TransactionFilters, TransactionType } from '../api/types';
import type { FormFields } from '../../../lib/field-errors';
import { centsFromDecimal } from '../../../lib/money';
import { amount } from '../../../lib/validators';

/** The filters as the URL keeps them: what the user typed, amounts in decimal. */
export const FILTER_PARAMS = [
  'q',
  'from',
  'to',
  'accountId',
  'category',
  'type',
  'min',
  'max',
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export type FilterValues = Record<FilterParam, string>;
/** What is wrong with the filters, by filter, in the words shown beside it. */
export type FilterErrors = Partial<Record<FilterParam, string>>;

export const DATE_FORMAT_MESSAGE = 'Enter a date like 2026-11-21';
export const DATE_RANGE_MESSAGE = 'The end date is before the start date';
export const AMOUNT_RANGE_MESSAGE = 'The lowest amount is above the highest';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TYPES: readonly string[] = ['expense', 'income'] satisfies TransactionType[];

/** Each filter's label, and the API's name for it, so the API's messages use the label. */
export const FILTER_FIELDS: FormFields<FilterParam> = {
  q: { label: 'Search' },
  from: { label: 'From' },
  to: { label: 'To' },
  accountId: { label: 'Account' },
  category: { label: 'Category', api: 'categoryId' },
  type: { label: 'Type' },
  min: { label: 'Min amount', api: 'minAmountCents' },
  max: { label: 'Max amount', api: 'maxAmountCents' },
};

export function filterValuesOf(params: URLSearchParams): FilterValues {
  return Object.fromEntries(
    FILTER_PARAMS.map((name) => [name, params.get(name) ?? '']),
  ) as FilterValues;
}

export const hasFilters = (values: FilterValues) => FILTER_PARAMS.some((name) => values[name]);

/**
 * What is wrong with the filters, checked here so nothing is asked of the API that it would
 * refuse or that matches nothing by mistake: a date or an amount that is not one (a hand-edited
 * URL, "12,x" typed), and a range whose ends are the wrong way round (flagged at its upper end,
 * usually set last).
 */
export function filterErrorsOf(values: FilterValues): FilterErrors {
  const errors: FilterErrors = {};
  for (const name of ['from', 'to'] as const) {
    if (values[name] && !CALENDAR_DATE.test(values[name])) errors[name] = DATE_FORMAT_MESSAGE;
  }
  for (const name of ['min', 'max'] as const) {
    const problem = values[name] ? amount(values[name]) : undefined;
    if (problem) errors[name] = problem;
  }
  if (!errors.from && !errors.to && values.from && values.to && values.from > values.to) {
    errors.to = DATE_RANGE_MESSAGE;
  }
  const [min, max] = [centsFromDecimal(values.min), centsFromDecimal(values.max)];
  if (!errors.min && !errors.max && min && max && min > max) errors.max = AMOUNT_RANGE_MESSAGE;
  return errors;
}

/** The ranges: one the wrong way round is flagged at its upper end, with `reversed`. */
const RANGES: readonly { lower: FilterParam; upper: FilterParam; reversed: string }[] = [
  { lower: 'from', upper: 'to', reversed: DATE_RANGE_MESSAGE },
  { lower: 'min', upper: 'max', reversed: AMOUNT_RANGE_MESSAGE },
];

/** Set, without a problem of its own, and not an end of a range the wrong way round. */
function usable(name: FilterParam, values: FilterValues, errors: FilterErrors): boolean {
  if (!values[name] || errors[name]) return false;
  const range = RANGES.find(({ lower, upper }) => name === lower || name === upper);
  return !range || errors[range.upper] !== range.reversed;
}

/**
 * The API's query from the URL's values, without what `errors` flags: a filter with a problem
 * is left out, and so are both ends of a range the wrong way round.
 */
export function apiFiltersOf(values: FilterValues, errors: FilterErrors): TransactionFilters {
  const filters: TransactionFilters = {};
  const q = values.q.trim();
  if (q) filters.q = q;
  if (usable('from', values, errors)) filters.from = values.from;
  if (usable('to', values, errors)) filters.to = values.to;
  if (values.accountId) filters.accountId = values.accountId;
  if (values.category) filters.categoryId = values.category;
  if (TYPES.includes(values.type)) filters.type = values.type as TransactionType;
  const [min, max] = [centsFromDecimal(values.min), centsFromDecimal(values.max)];
  if (min && usable('min', values, errors)) filters.minAmountCents = min;
  if (max && usable('max', values, errors)) filters.maxAmountCents = max;
  return filters;
}
