import type { AuditCategory, AuditResult, AuditSeverity, AuditSource } from '@ledgerlens/contracts';
import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One action of the action log: who did what to which resource, from where, with what result. */
@Entity('audit_events')
@Check(
  'chk_audit_events_source',
  `"source" IN ('api-service', 'background-job', 'frontend', 'system')`,
)
@Check(
  'chk_audit_events_category',
  `"category" IN ('authentication', 'user_management', 'roles', 'data', 'settings', 'admin', 'error')`,
)
@Check('chk_audit_events_result', `"result" IN ('success', 'failure', 'warning')`)
@Check('chk_audit_events_severity', `"severity" IN ('INFO', 'WARNING', 'ERROR', 'CRITICAL')`)
// Descending, partial and trigram indexes: declared here by name, defined in the migration.
@Index('idx_audit_events_occurred_at', { synchronize: false })
@Index('idx_audit_events_actor', { synchronize: false })
@Index('idx_audit_events_action', { synchronize: false })
@Index('idx_audit_events_resource', { synchronize: false })
@Index('idx_audit_events_result', { synchronize: false })
@Index('idx_audit_events_severity', { synchronize: false })
@Index('idx_audit_events_source', { synchronize: false })
@Index('idx_audit_events_trace', { synchronize: false })
@Index('idx_audit_events_errors', { synchronize: false })
@Index('idx_audit_events_search', { synchronize: false })
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_events' })
  id: string;

  /** Partitioned by its month, so part of the primary key. */
  @PrimaryColumn({
    name: 'occurred_at',
    type: 'timestamptz',
    default: () => 'now()',
    primaryKeyConstraintName: 'pk_audit_events',
  })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  @Column({ type: 'varchar', length: 32 })
  source: AuditSource;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  category: AuditCategory;

  @Column({ name: 'resource_type', type: 'varchar', length: 64, nullable: true })
  resourceType: string | null;

  @Column({ name: 'resource_id', type: 'varchar', length: 128, nullable: true })
  resourceId: string | null;

  @Column({ type: 'varchar', length: 16 })
  result: AuditResult;

  @Column({ type: 'varchar', length: 16 })
  severity: AuditSeverity;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  @Column({ name: 'trace_id', type: 'varchar', length: 64, nullable: true })
  traceId: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs: number | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  metadata: Record<string, unknown>;
}
