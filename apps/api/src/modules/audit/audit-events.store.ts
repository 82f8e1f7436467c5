import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { execute } from '../../database/typed-rows';
import { AuditEventRecord } from './audit-event-input';

/**
 * `audit_events` in SQL. Inserts a batch of events in one statement: the batch travels as one
 * JSON parameter, so its size is not bound by PostgreSQL's parameter limit and the insert is all
 * or nothing.
 */
@Injectable()
export class AuditEventsStore {
  constructor(private readonly dataSource: DataSource) {}

  async write(batch: AuditEventRecord[]): Promise<void> {
    if (batch.length === 0) return;
    await execute(
      this.dataSource,
      `INSERT INTO audit_events (occurred_at, actor_id, actor_email, source, action, category,
         resource_type, resource_id, result, severity, message, ip, user_agent, trace_id,
         duration_ms, metadata)
       SELECT e."occurredAt", e."actorId", e."actorEmail", e.source, e.action, e.category,
         e."resourceType", e."resourceId", e.result, e.severity, e.message, e.ip, e."userAgent",
         e."traceId", e."durationMs", e.metadata
       FROM jsonb_to_recordset($1::jsonb) AS e(
         "occurredAt" timestamptz, "actorId" uuid, "actorEmail" varchar, source varchar,
         action varchar, category varchar, "resourceType" varchar, "resourceId" varchar,
         result varchar, severity varchar, message text, ip varchar, "userAgent" varchar,
         "traceId" varchar, "durationMs" integer, metadata jsonb)`,
      [JSON.stringify(batch)],
    );
  }
}
