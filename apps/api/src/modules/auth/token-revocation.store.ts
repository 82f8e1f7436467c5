import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource, LessThan, MoreThan, Repository } from 'typeorm';
import { DependencyUnavailableError } from '../../common/errors/domain-errors';
import { PgNotificationListener } from './pg-notification-listener';
import { RevokedToken } from './revoked-token.entity';

/**
 * Remembers the sign-ins (by family id, the `fam` claim) whose access tokens are revoked, until
 * the last of those tokens would have expired anyway.
 */
export abstract class TokenRevocationStore {
  abstract revoke(familyId: string, lastExpiry: Date): Promise<void>;
  abstract isRevoked(familyId: string): Promise<boolean>;
}

/** Revocations are announced on this channel as `<family id> <last expiry in ms>`. */
const REVOCATION_CHANNEL = 'ledgerlens_token_revoked';

/**
 * PostgreSQL-backed list, held in memory by every instance: at start each instance `LISTEN`s for
 * revocations, then loads the unexpired ones; `revoke` stores the id and `NOTIFY`s the others.
 * A check is then a map lookup rather than a query per request. While the listening connection
 * is down (it reconnects and reloads), checks fall back to a query, so nothing is missed.
 */
export class PostgresTokenRevocationStore
  extends TokenRevocationStore
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly revokedUntil = new Map<string, number>();
  private readonly listener: PgNotificationListener;

  constructor(
    private readonly revoked: Repository<RevokedToken>,
    private readonly dataSource: DataSource,
  ) {
    super();
    this.listener = new PgNotificationListener(dataSource, {
      applicationName: 'ledgerlens-revocations',
      channel: REVOCATION_CHANNEL,
      subject: 'revocation',
      onNotification: (payload) => {
        const [familyId, until] = payload.split(' ');
        if (familyId && until) this.remember(familyId, Number(until));
        this.forgetExpired();
      },
      catchUp: async (client) => {
        const current: { family_id: string; until: string }[] = (
          await client.query(
            `SELECT family_id, (extract(epoch FROM expires_at) * 1000)::bigint::text AS until
             FROM revoked_tokens WHERE expires_at > now()`,
          )
        ).rows;
        for (const row of current) this.remember(row.family_id, Number(row.until));
        this.forgetExpired();
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }

  async revoke(familyId: string, lastExpiry: Date): Promise<void> {
    await this.revoked.upsert({ familyId, expiresAt: lastExpiry }, ['familyId']);
    this.remember(familyId, lastExpiry.getTime());
    await this.dataSource.query('SELECT pg_notify($1, $2)', [
      REVOCATION_CHANNEL,
      `${familyId} ${lastExpiry.getTime()}`,
    ]);
    await this.revoked.delete({ expiresAt: LessThan(new Date()) });
    this.forgetExpired();
  }

  async isRevoked(familyId: string): Promise<boolean> {
    const until = this.revokedUntil.get(familyId);
    if (until !== undefined) return until > Date.now();
    if (this.listener.listening) return false;
    const found = await this.revoked.findOneBy({ familyId, expiresAt: MoreThan(new Date()) });
    if (found) this.remember(familyId, found.expiresAt.getTime());
    return found !== null;
  }

  private remember(familyId: string, until: number): void {
    if (until > Date.now()) this.revokedUntil.set(familyId, until);
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [familyId, until] of this.revokedUntil) {
      if (until <= now) this.revokedUntil.delete(familyId);
    }
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

  async revoke(familyId: string, lastExpiry: Date): Promise<void> {
    const seconds = Math.max(1, Math.ceil(lastExpiry.getTime() / 1000));
    await this.guard(() => this.redis.set(this.key(familyId), '1', 'EXAT', seconds));
  }

  async isRevoked(familyId: string): Promise<boolean> {
    return (await this.guard(() => this.redis.exists(this.key(familyId)))) === 1;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  private key(familyId: string): string {
    return `ledgerlens:revoked-sign-in:${familyId}`;
  }

  private async guard<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch {
      throw new DependencyUnavailableError('The token revocation store (Redis) is unavailable');
    }
  }
}
