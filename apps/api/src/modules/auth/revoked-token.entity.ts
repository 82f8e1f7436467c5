import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A sign-in whose access tokens were revoked before they expire, kept until the last of them
 * would have (used when Redis is not configured).
 */
@Entity('revoked_tokens')
@Index('ix_revoked_tokens_expires_at', ['expiresAt'])
export class RevokedToken {
  @PrimaryColumn({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', default: () => 'now()' })
  revokedAt: Date;
}
