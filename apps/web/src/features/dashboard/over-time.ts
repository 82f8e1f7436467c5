import type { CategoryMonths } from './api/get-category-months';
import type { MonthlyTotals } from './api/get-monthly-totals';
import { UNCATEGORISED } from './month-summary';

/**
 * Charts draw floats of major units; every figure a reader sees comes from the exact decimal
 * strings the API sends (sums can pass 2^53), which the rows keep beside them.
 */
const drawn = (cents: string) => Number(cents) / 100;

/** One month of income and spending in one currency. */
export interface IncomeSpendingRow {
  month: string;
  incomeCents: string;
  spendingCents: string;
  netCents: string;
  /** For the chart only. */
  income: number;
  spending: number;
}

/** One category's spending in one currency over the months, as a stacked series. */
export interface CategorySeries {
  /** The chart's data key: the category's ID, or `none`. */
  key: string;
  name: string;
  color: string;
  totalCents: string;
  /** Exact sums by month, `YYYY-MM`. */
  centsByMonth: Map<string, string>;
}

/** A month of the stacked chart: the month and each series' spending, drawn as floats. */
export type CategoryTrendRow = { month: string } & Record<string, number | string>;

/** The currencies of the range, the most used first; spending-only ones after. */
export function currenciesOf(totals: MonthlyTotals, categories: CategoryMonths): string[] {
  return [
    ...new Set([
      ...totals.currencies.map(({ currency }) => currency),
      ...categories.currencies.map(({ currency }) => currency),
    ]),
  ];
}

export function incomeSpendingRows(totals: MonthlyTotals, currency: string): IncomeSpendingRow[] {
  const months = totals.currencies.find((entry) => entry.currency === currency)?.months ?? [];
  return months.map(({ month, incomeCents, spendingCents, netCents }) => ({
    month,
    incomeCents,
    spendingCents,
    netCents,
    income: drawn(incomeCents),
    spending: drawn(spendingCents),
  }));
}

/** The categories spent in, in one currency, the largest total first, with their rows. */
export function categoryTrend(
  categories: CategoryMonths,
  currency: string,
): { series: CategorySeries[]; rows: CategoryTrendRow[] } {
  const ofCurrency = categories.currencies.find((entry) => entry.currency === currency);
  const series = (ofCurrency?.categories ?? []).map((category) => ({
    key: category.categoryId ?? 'none',
    name: category.categoryName ?? UNCATEGORISED.name,
    color: category.color ?? UNCATEGORISED.color,
    totalCents: category.totalCents,
    centsByMonth: new Map(category.months.map(({ month, cents }) => [month, cents])),
  }));
  const months = ofCurrency?.categories[0]?.months.map(({ month }) => month) ?? [];
  const rows = months.map((month) => {
    const row: CategoryTrendRow = { month };
    for (const { key, centsByMonth } of series) row[key] = drawn(centsByMonth.get(month) ?? '0');
    return row;
  });
  return { series, rows };
}
