import type { ContactPointType } from '@ledgerlens/contracts';
import { Check, Column, Entity, Index } from 'typeorm';
import { AuditedEntity } from '../../../database/audited.entity';
import type { ContactPointSettings } from '../channels/contact-point';

/** A contact point: where and how alert notifications are sent. */
@Entity('notification_channels')
@Check('chk_notification_channels_type', `"type" IN ('email', 'webhook', 'sms')`)
// Unique case-insensitively among live rows: an expression index in the migration.
@Index('uq_notification_channels_name', { synchronize: false })
export class NotificationChannel extends AuditedEntity {
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  type: ContactPointType;

  @Column({ type: 'jsonb' })
  settings: ContactPointSettings[ContactPointType];

  /** A webhook's signing secret, sealed by SecretBox; left out of the row history. */
  @Column({ type: 'text', nullable: true })
  secret: string | null;

  /** Set when deliveries stopped for good (a webhook answered 410 Gone); an edit clears it. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ name: 'disabled_reason', type: 'varchar', length: 500, nullable: true })
  disabledReason: string | null;
}
