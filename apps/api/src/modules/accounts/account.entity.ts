import type { AccountKind } from '@ledgerlens/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { OwnedEntity } from '../../database/audited.entity';
import { bigintToNumber } from '../../database/column-transformers';
import { User } from '../users';

/** A user's account: where transactions are booked, in one currency (migration 1732880000000). */
@Entity('accounts')
@Check('chk_accounts_kind', `"kind" IN ('checking', 'savings', 'credit_card', 'cash', 'loan')`)
@Check('chk_accounts_currency', `"currency" ~ '^[A-Z]{3}$'`)
@Check(
  'chk_accounts_reconciled',
  `("last_reconciled_on" IS NULL) = ("reconciled_balance_cents" IS NULL)`,
)
// What transactions reference: an account and its currency, so theirs is the account's.
@Unique('uq_accounts_id_currency', ['id', 'currency'])
// Unique per user, case-insensitive, among live rows: an expression index in the migration.
@Index('uq_accounts_user_name', { synchronize: false })
export class Account extends OwnedEntity {
  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_accounts_user' })
  user?: User;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AccountKind;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({
    name: 'opening_balance_cents',
    type: 'bigint',
    default: 0,
    transformer: bigintToNumber,
  })
  openingBalanceCents: number;

  @Column({ name: 'opening_date', type: 'date' })
  openingDate: string;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @Column({ name: 'last_reconciled_on', type: 'date', nullable: true })
  lastReconciledOn: string | null;

  @Column({
    name: 'reconciled_balance_cents',
    type: 'bigint',
    nullable: true,
    transformer: bigintToNumber,
  })
  reconciledBalanceCents: number | null;
}
