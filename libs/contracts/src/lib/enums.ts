export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a user enters: income and spending. */
export const TRANSACTION_TYPES = ['expense', 'income'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/**
 * Every row of an account: what users enter, the two sides of a transfer and a reconciliation's
 * adjustment (neither of them income or spending). Amounts are always positive; the type says
 * which way the money went.
 */
export const LEDGER_TYPES = [
  ...TRANSACTION_TYPES,
  'transfer_out',
  'transfer_in',
  'adjustment_out',
  'adjustment_in',
] as const;
export type LedgerType = (typeof LEDGER_TYPES)[number];

export const ACCOUNT_KINDS = ['checking', 'savings', 'credit_card', 'cash', 'loan'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const BUDGET_PERIODS = ['weekly', 'monthly', 'yearly'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

export const BUDGET_STATUSES = ['on_track', 'warning', 'over'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];
