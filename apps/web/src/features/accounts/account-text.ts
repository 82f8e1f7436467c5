import type { Account, AccountKind } from '../../entities/accounts';

export const KIND_LABELS: Record<AccountKind, string> = {
  checking: 'Checking',
  savings: 'Savings',
  credit_card: 'Credit card',
  cash: 'Cash',
  loan: 'Loan',
};

export interface CurrencyTotal {
  currency: string;
  /** Exact: balances are decimal strings added as BigInt, so no cent is lost past 2^53. */
  cents: bigint;
}

/**
 * The balances of `accounts` added up per currency, in the order the currencies first appear;
 * amounts in different currencies are never added together.
 */
export function totalsByCurrency(accounts: readonly Account[]): CurrencyTotal[] {
  const totals = new Map<string, bigint>();
  for (const { currency, balanceCents } of accounts) {
    totals.set(currency, (totals.get(currency) ?? 0n) + BigInt(balanceCents));
  }
  return [...totals].map(([currency, cents]) => ({ currency, cents }));
}

/** The transactions page showing one account's transactions only. */
export const accountTransactionsUrl = (accountId: string) =>
  `/transactions?${new URLSearchParams({ accountId })}`;
