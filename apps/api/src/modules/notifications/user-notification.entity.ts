import type { NotificationKind } from '@ledgerlens/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users';

/** Something a user is told in the app; written once per cause (see the migration). */
@Entity('user_notifications')
@Check('chk_user_notifications_kind', `"kind" IN ('budget_threshold')`)
// A path in the SPA: one leading slash, never `//host` or `/\host` (which browsers treat as hosts).
@Check('chk_user_notifications_link', `"link" ~ '^/([^/\\\\]|$)'`)
@Index('ix_user_notifications_user_created', { synchronize: false })
// One notification per user, kind and `data.dedupeKey`: an expression index.
@Index('uq_user_notifications_dedupe', { synchronize: false })
export class UserNotification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid', default: () => 'app_current_user_id()' })
  userId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_notifications_user' })
  user?: User;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
