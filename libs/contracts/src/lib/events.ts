import type { BudgetPeriod, BudgetStatus, LedgerType } from './enums';
import type { ExceptionLevel } from './exceptions';
import type { LogSource } from './logging';
import type { AlertState } from './alerts';

/**
 * Names of domain events, emitted in-process after commit and pushed to clients over socket.io
 * under the same names (see `realtime.ts`).
 */
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
  /** An alert rule's condition started to hold (emitted by alerting). */
  AlertFired: 'alert.fired',
  /** A fired alert's condition no longer holds (emitted by alerting). */
  AlertResolved: 'alert.resolved',
  /** Any change of an alert instance's state, pending and recovering included (emitted by alerting). */
  AlertStateChanged: 'alert.state_changed',
  /** An in-app notification was stored for a user (once per cause). */
  NotificationCreated: 'notification.created',
} as const;
export type DomainEventName = (typeof DomainEvent)[keyof typeof DomainEvent];

/** The transaction as it is after the change (as it was, for `transaction.deleted`). */
export interface TransactionChangedPayload {
  userId: string;
  transactionId: string;
  type: LedgerType;
  amountCents: number;
  currency: string;
  description: string;
  categoryId: string | null;
  occurredOn: string;
  traceId?: string;
}

/** A budget and its current period, as `GET /budgets/:id` answers it (without timestamps). */
export interface BudgetSnapshot {
  id: string;
  categoryId: string | null;
  period: BudgetPeriod;
  limitCents: number;
  currency: string;
  startDate: string;
  alertThresholds: number[];
  periodStart: string;
  periodEnd: string;
  /** Sums in minor units as exact decimal strings: they can pass 2^53 (see the OpenAPI `BudgetDto`). */
  spentCents: string;
  remainingCents: string;
  percentUsed: number;
  status: BudgetStatus;
}

export interface BudgetUpdatedPayload {
  userId: string;
  budget: BudgetSnapshot;
  traceId?: string;
}

export interface BudgetThresholdCrossedPayload {
  userId: string;
  budgetId: string;
  categoryId: string | null;
  thresholdPercent: number;
  periodStart: string;
  /** A sum in minor units as an exact decimal string: it can pass 2^53. */
  spentCents: string;
  limitCents: number;
  currency: string;
  traceId?: string;
}

export const NOTIFICATION_KINDS = ['budget_threshold'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An in-app notification as `GET /notifications` lists it. */
export interface NotificationSnapshot {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path in the SPA (`/budgets`), or null. */
  link: string | null;
  /** What the notification is about, by kind (for `budget_threshold`: the crossing). */
  data: Record<string, unknown>;
  /** When its owner marked it read (ISO 8601), or null. */
  readAt: string | null;
  createdAt: string;
}

export interface NotificationCreatedPayload {
  userId: string;
  notification: NotificationSnapshot;
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

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Payload of `alert.fired` and `alert.resolved`. */
export interface AlertEventPayload {
  /** The alert rule. */
  alertId: string;
  /**
   * The history entry of this change (`GET /monitoring/alerts/history`): the firing, or the
   * resolution; `GET …/history/:id/deliveries` lists what notified it.
   */
  historyId: string;
  name: string;
  severity: AlertSeverity;
  /** What the rule measures, e.g. `error_rate` or `p95_latency_ms`. */
  metric: string;
  /** The value that fired or resolved it, and the rule's threshold. */
  value: number;
  threshold: number;
  message: string;
  /** When it fired or resolved (ISO 8601). */
  occurredAt: string;
  traceId?: string;
}

/** An alert instance's state change, as alert history records it. */
export interface AlertStateChangedPayload {
  /** The alert rule. */
  alertId: string;
  /** The history entry of this change (`GET /monitoring/alerts/history`). */
  historyId: string;
  name: string;
  from: AlertState;
  to: AlertState;
  /** The instance's labels (empty for a rule without group-by). */
  labels: Record<string, string>;
  /** The measured value at the change; null when there was no data. */
  value: number | null;
  occurredAt: string;
  traceId?: string;
}

/** Events that stay inside the API process (never sent to clients as such). */
export const InternalEvent = {
  /**
   * Something failed away from a request's answer (a job, a writer, the process, a browser):
   * exception tracking records it. Payload: the API's `ExceptionReport`.
   */
  ExceptionReported: 'internal.exception_reported',
  /**
   * A request was answered with an error (the exception filter): the action log records it.
   * Payload: the API's `RequestFailure`.
   */
  RequestFailed: 'internal.request_failed',
  /**
   * Log lines were stored (one insert, committed): the live tail reads them. Payload: the API's
   * stored records, duplicates of earlier sends left out.
   */
  LogsStored: 'internal.logs_stored',
  /** Action-log events were stored (committed). Payload: the API's stored audit records. */
  AuditEventsStored: 'internal.audit_events_stored',
  /** A sign-in ended before its tokens expired (logout, refresh-token reuse). */
  SessionEnded: 'internal.session_ended',
} as const;

/** Why a sign-in's open sockets were closed. */
export const SESSION_END_REASONS = ['logout', 'token_reuse', 'expired'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** Payload of `InternalEvent.SessionEnded`: the refresh-token family of the sign-in. */
export interface SessionEndedPayload {
  familyId: string;
  reason: Exclude<SessionEndReason, 'expired'>;
}
