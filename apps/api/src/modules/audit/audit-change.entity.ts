import type { AuditChangeAction } from '@ledgerlens/contracts';
import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One INSERT, UPDATE or DELETE of an audited table, written only by the database trigger
 * `audit_record_change` and chained by `hash` to the row before it. Read-only for the API.
 * Partitioned by month of `changed_at`, which is therefore part of the primary key.
 */
@Entity('audit_changes')
@Check('chk_audit_changes_action', `"action" IN ('INSERT', 'UPDATE', 'DELETE')`)
@Index('idx_audit_changes_row', ['tableName', 'rowId', 'id'])
@Index('idx_audit_changes_user', ['userId', 'changedAt'])
@Index('idx_audit_changes_changed_at', ['changedAt'])
@Index('idx_audit_changes_trace', ['traceId'])
export class AuditChange {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_audit_changes',
  })
  /** bigint: a string, in chain order. */
  id: string;

  @Column({ name: 'table_name', type: 'varchar', length: 63 })
  tableName: string;

  @Column({ name: 'row_id', type: 'varchar', length: 64 })
  rowId: string;

  @Column({ type: 'varchar', length: 6 })
  action: AuditChangeAction;

  @Column({ name: 'old_data', type: 'jsonb', nullable: true })
  oldData: Record<string, unknown> | null;

  @Column({ name: 'new_data', type: 'jsonb', nullable: true })
  newData: Record<string, unknown> | null;

  @Column({ name: 'changed_columns', type: 'text', array: true })
  changedColumns: string[];

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'trace_id', type: 'varchar', length: 64, nullable: true })
  traceId: string | null;

  @PrimaryColumn({
    name: 'changed_at',
    type: 'timestamptz',
    primaryKeyConstraintName: 'pk_audit_changes',
  })
  changedAt: Date;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
