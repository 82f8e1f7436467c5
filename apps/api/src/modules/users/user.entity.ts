import { Check, Column, Entity, Index } from 'typeorm';
import { Role } from '../../common/context/request-context';
import { AuditedEntity } from '../../database/audited.entity';

@Entity('users')
@Check('chk_users_role', `"role" IN ('user', 'admin')`)
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
}
