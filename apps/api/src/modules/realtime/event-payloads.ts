import {
  AlertEventPayload,
  AlertPayload,
  AlertStateChangedPayload,
  AlertStatePayload,
  AuditEventPayload,
  BudgetEventPayload,
  BudgetSnapshot,
  BudgetThresholdCrossedPayload,
  BudgetThresholdEventPayload,
  ExceptionEventPayload,
  ExceptionGroupEventPayload,
  LogLinePayload,
  NotificationEventPayload,
  NotificationSnapshot,
  TransactionChangedPayload,
  TransactionEventPayload,
} from '@ledgerlens/contracts';
import type { AuditEventRecord } from '../audit';
import type { AppLogRecord } from '../logging';

/*
 * What clients receive, field by field: a field added to an in-process payload does not reach
 * clients until it is added to the contract and here.
 */

export function transactionPayloadOf(change: TransactionChangedPayload): TransactionEventPayload {
  return {
    transactionId: change.transactionId,
    type: change.type,
    amountCents: change.amountCents,
    currency: change.currency,
    description: change.description,
    categoryId: change.categoryId,
    occurredOn: change.occurredOn,
  };
}

export function budgetPayloadOf(budget: BudgetSnapshot): BudgetEventPayload {
  return {
    id: budget.id,
    categoryId: budget.categoryId,
    period: budget.period,
    limitCents: budget.limitCents,
    currency: budget.currency,
    startDate: budget.startDate,
    alertThresholds: budget.alertThresholds,
    periodStart: budget.periodStart,
    periodEnd: budget.periodEnd,
    spentCents: budget.spentCents,
    remainingCents: budget.remainingCents,
    percentUsed: budget.percentUsed,
    status: budget.status,
  };
}

export function thresholdPayloadOf(
  crossing: BudgetThresholdCrossedPayload,
): BudgetThresholdEventPayload {
  return {
    budgetId: crossing.budgetId,
    categoryId: crossing.categoryId,
    thresholdPercent: crossing.thresholdPercent,
    periodStart: crossing.periodStart,
    spentCents: crossing.spentCents,
    limitCents: crossing.limitCents,
    currency: crossing.currency,
  };
}

export function notificationPayloadOf(
  notification: NotificationSnapshot,
): NotificationEventPayload {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: notification.link,
    data: notification.data,
    readAt: notification.readAt,
    createdAt: notification.createdAt,
  };
}

export function exceptionPayloadOf(group: ExceptionGroupEventPayload): ExceptionEventPayload {
  return {
    groupId: group.groupId,
    fingerprint: group.fingerprint,
    title: group.title,
    type: group.type,
    source: group.source,
    level: group.level,
    culprit: group.culprit,
    count: group.count,
    ...(group.regressedAt ? { regressedAt: group.regressedAt } : {}),
  };
}

export function alertPayloadOf(alert: AlertEventPayload): AlertPayload {
  return {
    alertId: alert.alertId,
    historyId: alert.historyId,
    name: alert.name,
    severity: alert.severity,
    metric: alert.metric,
    value: alert.value,
    threshold: alert.threshold,
    message: alert.message,
    occurredAt: alert.occurredAt,
  };
}

export function alertStatePayloadOf(change: AlertStateChangedPayload): AlertStatePayload {
  return {
    alertId: change.alertId,
    historyId: change.historyId,
    name: change.name,
    from: change.from,
    to: change.to,
    labels: change.labels,
    value: change.value,
    occurredAt: change.occurredAt,
  };
}

/** Stored records are redacted already (before they were queued). */
export function auditPayloadOf(event: AuditEventRecord): AuditEventPayload {
  return {
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    source: event.source,
    action: event.action,
    category: event.category,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    result: event.result,
    severity: event.severity,
    message: event.message,
    ip: event.ip,
    userAgent: event.userAgent,
    traceId: event.traceId,
    durationMs: event.durationMs,
    metadata: event.metadata,
  };
}

/** Stored records are redacted already (backend lines by the logger, browser ones on arrival). */
export function logLinePayloadOf(record: AppLogRecord): LogLinePayload {
  return {
    timestamp: record.loggedAt,
    level: record.level,
    source: record.source,
    module: record.module,
    message: record.message,
    traceId: record.traceId,
    userId: record.userId,
    requestMethod: record.requestMethod,
    requestPath: record.requestPath,
    statusCode: record.statusCode,
    durationMs: record.durationMs,
    extra: record.extraData,
  };
}
