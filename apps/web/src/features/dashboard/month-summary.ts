import type { Transaction } from './api/get-month-transactions';

export interface CurrencyTotals {
  currency: string;
  incomeCents: number;
  spendingCents: number;
  /** Income minus spending; negative when more went out. */
  netCents: number;
}

export interface CategorySpending {
  /** `null` for transactions without a category. */
  categoryId: string | null;
  name: string;
  color: string;
  cents: number;
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

/** The key with the highest count; ties go to the key first seen. */
function mostCommon(keys: string[]): string | undefined {
  const counts = new Map<string, number>();
  keys.forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1));
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function totalsByCurrency(transactions: Transaction[]): CurrencyTotals[] {
  const totals = new Map<string, CurrencyTotals & { count: number }>();
  for (const { currency, type, amountCents } of transactions) {
    const entry = totals.get(currency) ?? {
      currency,
      incomeCents: 0,
      spendingCents: 0,
      netCents: 0,
      count: 0,
    };
    if (type === 'income') entry.incomeCents += amountCents;
    else entry.spendingCents += amountCents;
    entry.netCents = entry.incomeCents - entry.spendingCents;
    entry.count += 1;
    totals.set(currency, entry);
  }
  return [...totals.values()]
    .sort((a, b) => b.count - a.count)
    .map(({ count: _count, ...currencyTotals }) => currencyTotals);
}

function spendingByCategory(expenses: Transaction[]): CategorySpending[] {
  const byCategory = new Map<string | null, CategorySpending>();
  for (const expense of expenses) {
    const entry = byCategory.get(expense.categoryId) ?? {
      categoryId: expense.categoryId,
      name: expense.category?.name ?? UNCATEGORISED.name,
      color: expense.category?.color ?? UNCATEGORISED.color,
      cents: 0,
    };
    entry.cents += expense.amountCents;
    byCategory.set(expense.categoryId, entry);
  }
  return [...byCategory.values()].sort((a, b) => b.cents - a.cents || a.name.localeCompare(b.name));
}

/** The month's figures from its transactions (the API has no summary route). */
export function summarizeMonth(transactions: Transaction[]): MonthSummary {
  const expenses = transactions.filter((transaction) => transaction.type === 'expense');
  const currency = mostCommon(expenses.map((expense) => expense.currency));
  return {
    totals: totalsByCurrency(transactions),
    spending: currency
      ? {
          currency,
          categories: spendingByCategory(
            expenses.filter((expense) => expense.currency === currency),
          ),
        }
      : null,
  };
}
