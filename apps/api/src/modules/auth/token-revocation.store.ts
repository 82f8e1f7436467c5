import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource, LessThan, MoreThan, Repository } from 'typeorm';
import type { RevokedTokensTable } from '../../database/generated/db-tables';
import { execute, rowsOf } from '../../database/typed-rows';
import { PgNotificationListener } from '../../database/pg-notification-listener';
import { RevokedToken } from './revoked-token.entity';

/**
 * Remembers the sign-ins (by family id, the `fam` claim) whose access tokens are revoked, until
 * the last of those tokens would have expired anyway.
 */
export abstract class TokenRevocationStore {
  abstract revoke(familyId: string, lastExpiry: Date): Promise<void>;
  abstract isRevoked(familyId: string): Promise<boolean>;
}

/** An unexpired revocation, as the catch-up loads it. */
type RevocationRow = Pick<RevokedTokensTable, 'family_id' | 'expires_at'>;

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
      catchUp: async () => {
        const current = await rowsOf<RevocationRow>(
          dataSource,
          `SELECT family_id, expires_at FROM revoked_tokens WHERE expires_at > now()`,
        );
        for (const row of current) this.remember(row.family_id, row.expires_at.getTime());
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
    await execute(this.dataSource, 'SELECT pg_notify($1, $2)', [
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

/**
 * Redis-backed list shared by every instance; keys expire with the tokens. While Redis does not
 * answer, the instance serves on its own rather than refusing every signed-in request: each
 * revocation is also remembered in memory until its tokens expire, checks then consult only that
 * memory (revocations made by other instances meanwhile are not seen), and a warning says so
 * once per outage. Commands fail at once while Redis is down (no offline queue), so requests do
 * not wait on reconnection attempts.
 */
export class RedisTokenRevocationStore
  extends TokenRevocationStore
  implements OnApplicationShutdown
{
  private readonly logger = new Logger('TokenRevocation');
  private readonly redis: Redis;
  private readonly revokedHere = new Map<string, number>();
  private readonly firstConnection: Promise<unknown>;
  private alone = false;

  constructor(url: string) {
    super();
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => undefined); // told once per outage, by `shared`
    // Only the first connection is waited for, so the first checks reach Redis too.
    this.firstConnection = new Promise((settle) => {
      this.redis.once('ready', settle);
      this.redis.once('error', settle);
    });
  }

  async revoke(familyId: string, lastExpiry: Date): Promise<void> {
    this.forgetExpired();
    this.revokedHere.set(familyId, lastExpiry.getTime());
    const seconds = Math.max(1, Math.ceil(lastExpiry.getTime() / 1000));
    await this.shared(() => this.redis.set(this.key(familyId), '1', 'EXAT', seconds), undefined);
  }

  async isRevoked(familyId: string): Promise<boolean> {
    if ((this.revokedHere.get(familyId) ?? 0) > Date.now()) return true;
    return this.shared(async () => (await this.redis.exists(this.key(familyId))) === 1, false);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Runs a Redis command; while Redis does not answer, `alone` stands for its result. */
  private async shared<T>(command: () => Promise<T>, alone: T): Promise<T> {
    await this.firstConnection;
    try {
      const result = await command();
      if (this.alone) {
        this.alone = false;
        this.logger.log('Redis is back: token revocations are shared by every instance again');
      }
      return result;
    } catch (error) {
      if (!this.alone) {
        this.alone = true;
        this.logger.warn(
          `Redis unavailable (${(error as Error).message}): running as a single node, token revocations are checked on this instance only until it is back`,
        );
      }
      return alone;
    }
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [familyId, until] of this.revokedHere) {
      if (until <= now) this.revokedHere.delete(familyId);
    }
  }

  private key(familyId: string): string {
    return `ledgerlens:revoked-sign-in:${familyId}`;
  }
}
