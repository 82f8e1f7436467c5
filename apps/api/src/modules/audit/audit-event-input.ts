import type { AuditCategory, AuditResult, AuditSeverity, AuditSource } from '@ledgerlens/contracts';

/** What a caller says about an action; the recorder fills who, from where and when. */
export interface AuditEventInput {
  action: string;
  category: AuditCategory;
  message: string;
  result?: AuditResult;
  severity?: AuditSeverity;
  source?: AuditSource;
  resourceType?: string | null;
  resourceId?: string | null;
  actorId?: string | null;
  actorEmail?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  traceId?: string | null;
  durationMs?: number | null;
  metadata?: Record<string, unknown>;
  occurredAt?: Date;
}

/** A complete row of `audit_events`, ready to write. */
export type AuditEventRecord = Required<Omit<AuditEventInput, 'occurredAt'>> & {
  occurredAt: string;
};
