import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource, LessThan, Repository } from 'typeorm';
import { DependencyUnavailableError } from '../../common/errors/domain-errors';
import { RevokedToken } from './revoked-token.entity';

/** Remembers revoked access tokens (by `jti`) until they would have expired anyway. */
export abstract class TokenRevocationStore {
  abstract revoke(jti: string, expiresAt: Date): Promise<void>;
  abstract isRevoked(jti: string): Promise<boolean>;
}

/** Revocations are announced on this channel as `<jti> <expiry in ms>`. */
const REVOCATION_CHANNEL = 'ledgerlens_token_revoked';
const RECONNECT_DELAY_MS = 1000;

/**
 * PostgreSQL-backed list, held in memory by every instance: at start each instance `LISTEN`s for
 * revocations, then loads the unexpired ones; `revoke` stores the jti and `NOTIFY`s the others.
 * A check is then a map lookup rather than a query per request. While the listening connection
 * is down (it reconnects and reloads), checks fall back to a query, so nothing is missed.
 */
export class PostgresTokenRevocationStore
  extends TokenRevocationStore
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('TokenRevocations');
  private readonly revokedUntil = new Map<string, number>();
  private listener?: Client;
  private listening = false;
  private closed = false;
  private reconnect?: NodeJS.Timeout;

  constructor(
    private readonly revoked: Repository<RevokedToken>,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    await this.listener?.end().catch(() => undefined);
  }

  async revoke(jti: string, expiresAt: Date): Promise<void> {
    await this.revoked.upsert({ jti, expiresAt }, ['jti']);
    this.remember(jti, expiresAt.getTime());
    await this.dataSource.query('SELECT pg_notify($1, $2)', [
      REVOCATION_CHANNEL,
      `${jti} ${expiresAt.getTime()}`,
    ]);
    await this.revoked.delete({ expiresAt: LessThan(new Date()) });
    this.forgetExpired();
  }

  async isRevoked(jti: string): Promise<boolean> {
    const until = this.revokedUntil.get(jti);
    if (until !== undefined) return until > Date.now();
    if (this.listening) return false;
    const found = await this.revoked.findOneBy({ jti });
    if (found) this.remember(jti, found.expiresAt.getTime());
    return found !== null;
  }

  private async listen(): Promise<void> {
    const { url } = this.dataSource.options as { url?: string };
    const client = new Client({
      connectionString: url,
      application_name: 'ledgerlens-revocations',
      keepAlive: true,
    });
    client.on('notification', ({ payload }) => {
      const [jti, until] = (payload ?? '').split(' ');
      if (jti && until) this.remember(jti, Number(until));
      this.forgetExpired();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
      const current: { jti: string; until: string }[] = (
        await client.query(
          `SELECT jti, (extract(epoch FROM expires_at) * 1000)::bigint::text AS until
           FROM revoked_tokens WHERE expires_at > now()`,
        )
      ).rows;
      for (const { jti, until } of current) this.remember(jti, Number(until));
      this.forgetExpired();
      this.listening = !this.closed;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  /** The listening connection failed: check by query until a new one has caught up. */
  private lost(client: Client, error?: Error): void {
    if (client !== this.listener) return;
    this.listener = undefined;
    this.listening = false;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(
      `Lost the revocation listener${error ? ` (${error.message})` : ''}; reconnecting`,
    );
    this.reconnect = setTimeout(() => void this.listen(), RECONNECT_DELAY_MS);
  }

  private remember(jti: string, until: number): void {
    if (until > Date.now()) this.revokedUntil.set(jti, until);
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
