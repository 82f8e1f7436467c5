import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../database/audited.entity';
import { User } from '../users';

export type CategoryKind = 'expense' | 'income';

@Entity('categories')
@Check('chk_categories_kind', `"kind" IN ('expense', 'income')`)
@Check('chk_categories_color', `"color" ~ '^#[0-9a-fA-F]{6}$'`)
// Unique per user, case-insensitive, among live rows: an expression index in the migration.
@Index('uq_categories_user_name', { synchronize: false })
export class Category extends OwnedEntity {
  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_categories_user' })
  user?: User;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CategoryKind;

  @Column({ type: 'varchar', length: 7, default: '#64748b' })
  color: string;
}
