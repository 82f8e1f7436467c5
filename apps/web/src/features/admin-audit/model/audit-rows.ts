import type { AuditEvent, AuditLog, AuditResult, AuditSource } from '../api/types';

/** One line of the audit tables: the action log and the Events contract both become this. */
export interface AuditRow {
  id: string;
  occurredAt: string;
  action: string;
  message: string;
  result: AuditResult;
  /** Who acted, in words: an email, else the user ID, else the system. */
  actor: string;
  source: AuditSource;
  severity: AuditLog['severity'] | null;
  ip: string | null;
  /** `transaction 5e0c…`, or null when the action touched no one resource. */
  resource: string | null;
}

export const SYSTEM_ACTOR = 'System';

export function resourceLabel(type: string | null, id: string | null): string | null {
  if (!type) return null;
  return id ? `${type} ${id}` : type;
}

export function rowOfLog(log: AuditLog): AuditRow {
  return {
    id: log.id,
    occurredAt: log.occurredAt,
    action: log.action,
    message: log.message,
    result: log.result,
    actor: log.actorEmail ?? log.actorId ?? SYSTEM_ACTOR,
    source: log.source,
    severity: log.severity,
    ip: log.ip,
    resource: resourceLabel(log.resourceType, log.resourceId),
  };
}

export function rowOfEvent(event: AuditEvent): AuditRow {
  return {
    id: event.id,
    occurredAt: event.timestamp,
    action: event.operation_type,
    message: event.message,
    result: event.result,
    actor: event.operator ?? SYSTEM_ACTOR,
    source: event.source,
    severity: null,
    ip: null,
    resource: null,
  };
}

export const RESULT_LABELS: Record<AuditResult, string> = {
  success: 'Success',
  failure: 'Failure',
  warning: 'Warning',
};
