import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * Columns every business table has. The database fills the `*_by` and timestamp columns in one
 * trigger (`set_audit_columns`) from the transaction's user context; code only reads them.
 * `deleted_at` makes deletes soft: TypeORM leaves soft-deleted rows out of finds.
 */
export abstract class AuditedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true, insert: false, update: false })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true, insert: false, update: false })
  updatedBy: string | null;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true, insert: false, update: false })
  deletedBy: string | null;
}

/** A row that belongs to one user; Row-Level Security shows it to that user only. */
export abstract class OwnedEntity extends AuditedEntity {
  @Column({ name: 'user_id', type: 'uuid', default: () => 'app_current_user_id()', update: false })
  userId: string;
}
