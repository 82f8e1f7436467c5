export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const TRANSACTION_TYPES = ['expense', 'income'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const BUDGET_PERIODS = ['weekly', 'monthly', 'yearly'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

export const BUDGET_STATUSES = ['on_track', 'warning', 'over'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];
