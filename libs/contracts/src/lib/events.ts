import type { ExceptionLevel } from './exceptions';
import type { LogSource } from './logging';

/** Names of domain events, emitted in-process after commit (and, later, over socket.io). */
export const DomainEvent = {
  TransactionCreated: 'transaction.created',
  TransactionUpdated: 'transaction.updated',
  TransactionDeleted: 'transaction.deleted',
  BudgetUpdated: 'budget.updated',
  BudgetThresholdCrossed: 'budget.threshold_crossed',
  /** An exception group seen for the first time. */
  ExceptionNew: 'exception.new',
  /** A resolved exception group occurring again (it is unresolved again, marked regressed). */
  ExceptionRegressed: 'exception.regressed',
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

/** Payload of `exception.new` and `exception.regressed`. */
export interface ExceptionGroupEventPayload {
  groupId: string;
  fingerprint: string;
  title: string;
  type: string;
  source: LogSource;
  level: ExceptionLevel;
  culprit: string | null;
  /** Occurrences of the group so far, this one included. */
  count: number;
  /** Trace ID of the occurrence that made the group new or regressed. */
  traceId?: string;
  /** When the group regressed (ISO 8601); `exception.regressed` only. */
  regressedAt?: string;
}

/** Events that stay inside the API process (never sent to clients). */
export const InternalEvent = {
  /**
   * Something failed away from a request's answer (a job, a writer, the process, a browser):
   * exception tracking records it. Payload: the API's `ExceptionReport`.
   */
  ExceptionReported: 'internal.exception_reported',
} as const;
