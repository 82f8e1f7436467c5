import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { PgNotificationListener } from './pg-notification-listener';

/**
 * Announced by the `users` trigger (migration 1732700000000) as `deleted <id>` when an account
 * is soft-deleted (or removed) and `restored <id>` when it comes back.
 */
const ACCOUNTS_CHANNEL = 'ledgerlens_account_deleted';

/**
 * The accounts deleted recently enough that an access token issued before may still be alive,
 * held in memory by every instance and fed by the trigger's notifications, however the row was
 * changed (this API, a script, an operator's SQL). A check is a map lookup; while the listening
 * connection is down it is a query. See docs/adr/0015-deleted-accounts-end-their-tokens.md.
 */
@Injectable()
export class DeletedAccounts implements OnApplicationBootstrap, OnApplicationShutdown {
  /** Account id → when the last access token issued before its deletion expires (ms). */
  private readonly deletedUntil = new Map<string, number>();
  private readonly listener: PgNotificationListener;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.listener = new PgNotificationListener(dataSource, {
      applicationName: 'ledgerlens-deleted-accounts',
      channel: ACCOUNTS_CHANNEL,
      subject: 'deleted accounts',
      onNotification: (payload) => {
        const [change, id] = payload.split(' ');
        if (change === 'restored') this.deletedUntil.delete(id);
        else if (id) this.deletedUntil.set(id, Date.now() + this.tokenLifetimeMs());
        this.forgetExpired();
      },
      catchUp: async (client) => {
        const recent: { id: string; until: string }[] = (
          await client.query(
            `SELECT id, (extract(epoch FROM deleted_at) * 1000)::bigint::text AS until
             FROM users WHERE deleted_at > now() - make_interval(secs => $1)`,
            [this.config.JWT_ACCESS_TTL_SECONDS],
          )
        ).rows;
        for (const { id, until } of recent) {
          this.deletedUntil.set(id, Number(until) + this.tokenLifetimeMs());
        }
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

  /** True when the account no longer exists or is soft-deleted. */
  async isDeleted(userId: string): Promise<boolean> {
    if ((this.deletedUntil.get(userId) ?? 0) > Date.now()) return true;
    if (this.listener.listening) return false;
    const [{ live }]: { live: boolean }[] = await this.dataSource.query(
      'SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL) AS live',
      [userId],
    );
    return !live;
  }

  private tokenLifetimeMs(): number {
    return this.config.JWT_ACCESS_TTL_SECONDS * 1000;
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [id, until] of this.deletedUntil) if (until <= now) this.deletedUntil.delete(id);
  }
}
