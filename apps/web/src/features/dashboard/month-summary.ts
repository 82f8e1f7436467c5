import type { TransactionSummary } from './api/get-month-summary';

/** Sums in cents are the API's exact decimal strings (they can pass 2^53). */
export interface CurrencyTotals {
  currency: string;
  incomeCents: string;
  spendingCents: string;
  /** Income minus spending; negative when more went out. */
  netCents: string;
}

export interface CategorySpending {
  /** `null` for transactions without a category. */
  categoryId: string | null;
  name: string;
  color: string;
  /** An exact decimal string, as the API sends it. */
  cents: string;
}

export interface MonthSummary {
  /** One entry per currency used this month, the most used first. */
  totals: CurrencyTotals[];
  /**
   * Spending by category in one currency (amounts in different currencies do not add up): the
   * one most expenses are in. `null` when nothing was spent.
   */
  spending: { currency: string; categories: CategorySpending[] } | null;
}

export const UNCATEGORISED = { name: 'Uncategorised', color: '#94a3b8' };

/** The currency with the most expenses; ties go to the more used currency overall. */
function chartCurrency({ currencies }: TransactionSummary): string | undefined {
  return currencies
    .filter((currency) => currency.expenseCount > 0)
    .sort((a, b) => b.expenseCount - a.expenseCount)[0]?.currency;
}

/** The API's sums for the month, shaped for the totals cards and the spending chart. */
export function summarizeMonth(summary: TransactionSummary): MonthSummary {
  const currency = chartCurrency(summary);
  const totals = summary.currencies.map(({ currency, incomeCents, spendingCents, netCents }) => ({
    currency,
    incomeCents,
    spendingCents,
    netCents,
  }));
  if (!currency) return { totals, spending: null };
  const categories = summary.categories
    .filter((total) => total.type === 'expense' && total.currency === currency)
    .map(({ categoryId, categoryName, color, cents }) => ({
      categoryId,
      name: categoryName ?? UNCATEGORISED.name,
      color: color ?? UNCATEGORISED.color,
      cents,
    }));
  return { totals, spending: { currency, categories } };
}
