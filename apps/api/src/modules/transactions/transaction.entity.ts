import type { TransactionType } from '@ledgerlens/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../database/audited.entity';
import { bigintToNumber } from '../../database/column-transformers';
import { Category } from '../categories';
import { User } from '../users';

@Entity('transactions')
@Check('chk_transactions_type', `"type" IN ('expense', 'income')`)
@Check('chk_transactions_amount_positive', `"amount_cents" > 0`)
@Check('chk_transactions_currency', `"currency" ~ '^[A-Z]{3}$'`)
@Index('ix_transactions_user_occurred_on', { synchronize: false })
@Index('ix_transactions_category', ['categoryId'])
// A budget's spending (migration 1732830000000): partial, with included columns.
@Index('ix_transactions_expense_spending', { synchronize: false })
export class Transaction extends OwnedEntity {
  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_transactions_user' })
  user?: User;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => Category)
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_transactions_category' })
  category?: Category | null;

  @Column({ type: 'varchar', length: 16 })
  type: TransactionType;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintToNumber })
  amountCents: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 255 })
  description: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;
}
