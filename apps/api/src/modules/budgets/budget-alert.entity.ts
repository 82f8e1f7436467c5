import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { bigintToNumber } from '../../database/column-transformers';
import { User } from '../users';
import { Budget } from './budget.entity';

/** A budget crossing one of its thresholds, recorded once per budget, period and threshold. */
@Entity('budget_alerts')
@Unique('uq_budget_alerts_crossing', ['budgetId', 'periodStart', 'thresholdPercent'])
@Index('ix_budget_alerts_user_created', { synchronize: false })
export class BudgetAlert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid', default: () => 'app_current_user_id()' })
  userId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_budget_alerts_user' })
  user?: User;

  @Column({ name: 'budget_id', type: 'uuid' })
  budgetId: string;

  @ManyToOne(() => Budget)
  @JoinColumn({ name: 'budget_id', foreignKeyConstraintName: 'fk_budget_alerts_budget' })
  budget?: Budget;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'threshold_percent', type: 'integer' })
  thresholdPercent: number;

  /** Kept as pg's text: a sum of amounts can pass 2^53, where a number would lose cents. */
  @Column({ name: 'spent_cents', type: 'bigint' })
  spentCents: string;

  @Column({ name: 'limit_cents', type: 'bigint', transformer: bigintToNumber })
  limitCents: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
