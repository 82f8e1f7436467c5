import type { LedgerType } from '@ledgerlens/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../database/audited.entity';
import { bigintToNumber } from '../../database/column-transformers';
import { Account } from '../accounts';
import { Category } from '../categories';
import { User } from '../users';

@Entity('transactions')
@Check(
  'chk_transactions_type',
  `"type" IN ('expense', 'income', 'transfer_out', 'transfer_in', 'adjustment_out', 'adjustment_in')`,
)
@Check('chk_transactions_amount_positive', `"amount_cents" > 0`)
@Check(
  'chk_transactions_transfer',
  `("type" IN ('transfer_out', 'transfer_in')) = ("transfer_id" IS NOT NULL)`,
)
@Check(
  'chk_transactions_transfer_uncategorised',
  `"type" IN ('expense', 'income') OR "category_id" IS NULL`,
)
@Check('chk_transactions_currency', `"currency" ~ '^[A-Z]{3}$'`)
@Index('ix_transactions_user_occurred_on', { synchronize: false })
@Index('ix_transactions_category', ['categoryId'])
// A budget's spending (migration 1732830000000): partial, with included columns.
@Index('ix_transactions_expense_spending', { synchronize: false })
// An account's balance (migration 1732880000000), and one row of each side per live transfer.
@Index('ix_transactions_account_occurred_on', { synchronize: false })
@Index('uq_transactions_transfer_side', { synchronize: false })
export class Transaction extends OwnedEntity {
  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_transactions_user' })
  user?: User;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => Category)
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_transactions_category' })
  category?: Category | null;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  // The account and its currency: a transaction is in its account's currency.
  @ManyToOne(() => Account)
  @JoinColumn([
    {
      name: 'account_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_transactions_account',
    },
    { name: 'currency', referencedColumnName: 'currency' },
  ])
  account?: Account;

  /** Shared by the two rows of a transfer; null for every other row. */
  @Column({ name: 'transfer_id', type: 'uuid', nullable: true })
  transferId: string | null;

  @Column({ type: 'varchar', length: 16 })
  type: LedgerType;

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
