import type { QueryClient } from '@tanstack/react-query';
import { accountKeys } from '../../../entities/accounts';
import type { TransactionFilters } from './types';

/** Query keys of the feature: invalidating `all` refreshes every list, total and history. */
export const transactionKeys = {
  all: ['transactions'] as const,
  list: (filters: TransactionFilters) => [...transactionKeys.all, 'list', filters] as const,
  totals: (filters: TransactionFilters) => [...transactionKeys.all, 'totals', filters] as const,
  history: (id: string) => [...transactionKeys.all, 'history', id] as const,
  categoriesInUse: () => [...transactionKeys.all, 'categories-in-use'] as const,
  transfer: (id: string) => [...transactionKeys.all, 'transfer', id] as const,
};

/**
 * After a transaction is written: its lists and history change, and so do the accounts'
 * balances, the budgets' spent amounts and the dashboard's figures (their features own those keys; the prefixes are shared).
 */
export function invalidateAfterTransactionChange(queryClient: QueryClient): void {
  for (const queryKey of [transactionKeys.all, accountKeys.all, ['budgets'], ['dashboard']]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
