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

/** A currency's spending by category, biggest first. */
export interface CurrencySpending {
  currency: string;
  categories: CategorySpending[];
}

export interface MonthSummary {
  /** One entry per currency used this month, the most used first. */
  totals: CurrencyTotals[];
  /**
   * Spending by category, one breakdown per currency spent in (amounts in different currencies
   * do not add up), the currency most expenses are in first; empty when nothing was spent.
   */
  spending: CurrencySpending[];
}

export const UNCATEGORISED = { name: 'Uncategorised', color: '#94a3b8' };

/** The currencies spent in, most expenses first; ties keep the API's order (the more used overall). */
function spendingCurrencies({ currencies }: TransactionSummary): string[] {
  return currencies
    .filter((currency) => currency.expenseCount > 0)
    .sort((a, b) => b.expenseCount - a.expenseCount)
    .map(({ currency }) => currency);
}

/** The API's sums for the month, shaped for the totals cards and the spending charts. */
export function summarizeMonth(summary: TransactionSummary): MonthSummary {
  const totals = summary.currencies.map(({ currency, incomeCents, spendingCents, netCents }) => ({
    currency,
    incomeCents,
    spendingCents,
    netCents,
  }));
  const spending = spendingCurrencies(summary).map((currency) => ({
    currency,
    categories: summary.categories
      .filter((total) => total.type === 'expense' && total.currency === currency)
      .map(({ categoryId, categoryName, color, cents }) => ({
        categoryId,
        name: categoryName ?? UNCATEGORISED.name,
        color: color ?? UNCATEGORISED.color,
        cents,
      })),
  }));
  return { totals, spending };
}
