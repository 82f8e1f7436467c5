/** Names of domain events, emitted in-process after commit (and, later, over socket.io). */
export const DomainEvent = {
  TransactionCreated: 'transaction.created',
  TransactionUpdated: 'transaction.updated',
  TransactionDeleted: 'transaction.deleted',
  BudgetUpdated: 'budget.updated',
  BudgetThresholdCrossed: 'budget.threshold_crossed',
} as const;
export type DomainEventName = (typeof DomainEvent)[keyof typeof DomainEvent];

export interface TransactionChangedPayload {
  userId: string;
  transactionId: string;
  categoryId: string | null;
  occurredOn: string;
  traceId?: string;
}

export interface BudgetThresholdCrossedPayload {
  userId: string;
  budgetId: string;
  categoryId: string | null;
  thresholdPercent: number;
  periodStart: string;
  spentCents: number;
  limitCents: number;
  currency: string;
  traceId?: string;
}
