import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { LessThan, Repository } from 'typeorm';
import { DependencyUnavailableError } from '../../common/errors/domain-errors';
import { RevokedToken } from './revoked-token.entity';

/** Remembers revoked access tokens (by `jti`) until they would have expired anyway. */
export abstract class TokenRevocationStore {
  abstract revoke(jti: string, expiresAt: Date): Promise<void>;
  abstract isRevoked(jti: string): Promise<boolean>;
}

/**
 * PostgreSQL-backed list with an in-process cache of revocations, so a revoked token is refused
 * without a query on this instance; other instances see it on their next lookup.
 */
@Injectable()
export class PostgresTokenRevocationStore extends TokenRevocationStore {
  private readonly revokedUntil = new Map<string, number>();

  constructor(@InjectRepository(RevokedToken) private readonly revoked: Repository<RevokedToken>) {
    super();
  }

  async revoke(jti: string, expiresAt: Date): Promise<void> {
    await this.revoked.upsert({ jti, expiresAt }, ['jti']);
    this.revokedUntil.set(jti, expiresAt.getTime());
    await this.revoked.delete({ expiresAt: LessThan(new Date()) });
    this.forgetExpired();
  }

  async isRevoked(jti: string): Promise<boolean> {
    const cached = this.revokedUntil.get(jti);
    if (cached !== undefined) return cached > Date.now();
    const found = await this.revoked.findOneBy({ jti });
    if (found) this.revokedUntil.set(jti, found.expiresAt.getTime());
    return found !== null;
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [jti, until] of this.revokedUntil) if (until <= now) this.revokedUntil.delete(jti);
  }
}

/** Redis-backed list shared by every instance; keys expire with the tokens. */
export class RedisTokenRevocationStore
  extends TokenRevocationStore
  implements OnApplicationShutdown
{
  private readonly redis: Redis;

  constructor(url: string) {
    super();
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  }

  async revoke(jti: string, expiresAt: Date): Promise<void> {
    const seconds = Math.max(1, Math.ceil(expiresAt.getTime() / 1000));
    await this.guard(() => this.redis.set(this.key(jti), '1', 'EXAT', seconds));
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.guard(() => this.redis.exists(this.key(jti)))) === 1;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  private key(jti: string): string {
    return `ledgerlens:revoked-jti:${jti}`;
  }

  private async guard<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch {
      throw new DependencyUnavailableError('The token revocation store (Redis) is unavailable');
    }
  }
}
