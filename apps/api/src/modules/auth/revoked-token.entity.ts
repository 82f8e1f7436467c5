import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An access token revoked before its expiry (used when Redis is not configured). */
@Entity('revoked_tokens')
@Index('ix_revoked_tokens_expires_at', ['expiresAt'])
export class RevokedToken {
  @PrimaryColumn({ type: 'uuid' })
  jti: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', default: () => 'now()' })
  revokedAt: Date;
}
