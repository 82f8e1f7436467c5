import type { Transaction } from '../api/types';
import { signedCents } from './money';

export interface DayGroup {
  /** `2026-11-21` */
  day: string;
  transactions: Transaction[];
  /** Net total per currency (income − expense), in the order the day lists the currencies. */
  totals: { currency: string; cents: number }[];
}

const newestFirst = (a: Transaction, b: Transaction) => b.createdAt.localeCompare(a.createdAt);

/**
 * Days in the order the API listed them (newest first), so a day split across two pages comes
 * together again; inside a day, the most recently entered first.
 */
export function groupByDay(transactions: readonly Transaction[]): DayGroup[] {
  const byDay = new Map<string, Transaction[]>();
  for (const transaction of transactions) {
    const day = byDay.get(transaction.occurredOn) ?? [];
    day.push(transaction);
    byDay.set(transaction.occurredOn, day);
  }
  return [...byDay].map(([day, items]) => ({
    day,
    transactions: items.sort(newestFirst),
    totals: totalsByCurrency(items),
  }));
}

function totalsByCurrency(transactions: readonly Transaction[]): DayGroup['totals'] {
  const totals = new Map<string, number>();
  for (const { currency, amountCents, type } of transactions) {
    totals.set(currency, (totals.get(currency) ?? 0) + signedCents(amountCents, type));
  }
  return [...totals].map(([currency, cents]) => ({ currency, cents }));
}

/** Each transaction once, in first-seen order: offset pages overlap when rows are added. */
export function uniqueById(transactions: readonly Transaction[]): Transaction[] {
  const seen = new Set<string>();
  return transactions.filter(({ id }) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
