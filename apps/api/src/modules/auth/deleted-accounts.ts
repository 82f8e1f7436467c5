import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { DeletedUsersStore } from '../users';
import { PgNotificationListener } from '../../database/pg-notification-listener';

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
    dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly deletedUsers: DeletedUsersStore,
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
      catchUp: async () => {
        const recent = await this.deletedUsers.deletedWithin(this.config.JWT_ACCESS_TTL_SECONDS);
        for (const { id, deleted_at } of recent) {
          this.deletedUntil.set(id, deleted_at.getTime() + this.tokenLifetimeMs());
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
    return !(await this.deletedUsers.isLive(userId));
  }

  private tokenLifetimeMs(): number {
    return this.config.JWT_ACCESS_TTL_SECONDS * 1000;
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [id, until] of this.deletedUntil) if (until <= now) this.deletedUntil.delete(id);
  }
}
