import type { QueryClient } from '@tanstack/react-query';
import { accountKeys } from '../../../entities/accounts';

/**
 * After an account, a transfer or a reconciliation is written: balances change, and so do the
 * transaction lists, the dashboard's figures and the goals linked to accounts (their features
 * own those keys; the prefixes are shared).
 */
export function invalidateAfterAccountChange(queryClient: QueryClient): void {
  for (const queryKey of [accountKeys.all, ['transactions'], ['dashboard'], ['goals']]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
