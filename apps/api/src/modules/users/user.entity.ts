import type { FormatLocale } from '@ledgerlens/contracts';
import { Check, Column, Entity, Index } from 'typeorm';
import { Role } from '../../common/context/request-context';
import { AuditedEntity } from '../../database/audited.entity';

@Entity('users')
@Check('chk_users_role', `"role" IN ('user', 'admin')`)
@Check('chk_users_default_currency', `"default_currency" ~ '^[A-Z]{3}$'`)
@Check('chk_users_first_day_of_week', `"first_day_of_week" BETWEEN 1 AND 7`)
@Check(
  'chk_users_number_format',
  `"number_format" IN ('en-US', 'en-GB', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'ja-JP')`,
)
@Check(
  'chk_users_date_format',
  `"date_format" IN ('en-US', 'en-GB', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'ja-JP')`,
)
// Case-insensitive uniqueness: an expression index, defined in the migration.
@Index('uq_users_email', { synchronize: false })
export class User extends AuditedEntity {
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 16, default: 'user' })
  role: Role;

  /** Budget threshold crossings are also emailed (opt-in). */
  @Column({ name: 'email_budget_alerts', type: 'boolean', default: false })
  emailBudgetAlerts: boolean;

  /** The currency new amounts start in. */
  @Column({ name: 'default_currency', type: 'varchar', length: 3, default: 'EUR' })
  defaultCurrency: string;

  /** IANA time zone: budget periods and "this month" follow it. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'UTC' })
  timeZone: string;

  /** ISO weekday weekly budgets start on: 1 Monday … 7 Sunday. */
  @Column({ name: 'first_day_of_week', type: 'smallint', default: 1 })
  firstDayOfWeek: number;

  /** Locale numbers are formatted in. */
  @Column({ name: 'number_format', type: 'varchar', length: 8, default: 'en-US' })
  numberFormat: FormatLocale;

  /** Locale dates are formatted in. */
  @Column({ name: 'date_format', type: 'varchar', length: 8, default: 'en-US' })
  dateFormat: FormatLocale;
}
