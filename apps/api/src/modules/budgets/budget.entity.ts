import type { BudgetPeriod } from '@ledgerlens/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../database/audited.entity';
import { bigintToNumber } from '../../database/column-transformers';
import { Category } from '../categories';
import { User } from '../users';

@Entity('budgets')
@Check('chk_budgets_period', `"period" IN ('weekly', 'monthly', 'yearly')`)
@Check('chk_budgets_limit_positive', `"limit_cents" > 0`)
@Check('chk_budgets_currency', `"currency" ~ '^[A-Z]{3}$'`)
// One live budget per user, category (or overall), period and currency: an expression index.
@Index('uq_budgets_user_category_period', { synchronize: false })
export class Budget extends OwnedEntity {
  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_budgets_user' })
  user?: User;

  /** NULL: an overall budget over every expense. */
  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => Category)
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_budgets_category' })
  category?: Category | null;

  @Column({ type: 'varchar', length: 16 })
  period: BudgetPeriod;

  @Column({ name: 'limit_cents', type: 'bigint', transformer: bigintToNumber })
  limitCents: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'alert_thresholds', type: 'integer', array: true, default: () => "'{80,100}'" })
  alertThresholds: number[];
}
