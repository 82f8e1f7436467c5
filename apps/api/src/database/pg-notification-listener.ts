import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

export interface PgNotificationListenerOptions {
  /** Names the connection in `pg_stat_activity`. */
  applicationName: string;
  channel: string;
  /** What the listener keeps up to date, as the warning on a lost connection names it. */
  subject: string;
  onNotification(payload: string): void;
  /**
   * Runs on each new connection once it listens: loads what changed while nobody was listening.
   * Until it has finished, `listening` stays false and the owner answers by querying. It reads
   * through the pool (the owner's typed statements): `LISTEN` has taken effect by then, so
   * whatever changes after that read started is announced on this connection.
   */
  catchUp(): Promise<void>;
}

const RECONNECT_DELAY_MS = 1000;

/**
 * One dedicated connection that `LISTEN`s on a channel and reconnects (then catches up) when it
 * is lost. Owners keep an in-memory copy fed by the notifications and fall back to a query
 * while `listening` is false, so nothing is missed.
 */
export class PgNotificationListener {
  private readonly logger: Logger;
  private client?: Client;
  private ready = false;
  private closed = false;
  private reconnect?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PgNotificationListenerOptions,
  ) {
    this.logger = new Logger(options.applicationName);
  }

  /** True while notifications are arriving and the copy has caught up. */
  get listening(): boolean {
    return this.ready;
  }

  async start(): Promise<void> {
    const { url } = this.dataSource.options as { url?: string };
    const client = new Client({
      connectionString: url,
      application_name: this.options.applicationName,
      keepAlive: true,
    });
    client.on('notification', ({ payload }) => this.options.onNotification(payload ?? ''));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      // The one statement this connection runs: it only listens, and reads nothing.
      await client.query(`LISTEN ${this.options.channel}`);
      await this.options.catchUp();
      this.ready = !this.closed;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.ready = false;
    clearTimeout(this.reconnect);
    await this.client?.end().catch(() => undefined);
  }

  /** The connection failed: the owner queries until a new one has caught up. */
  private lost(client: Client, error?: Error): void {
    if (client !== this.client) return;
    this.client = undefined;
    this.ready = false;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(
      `Lost the ${this.options.subject} listener${error ? ` (${error.message})` : ''}; reconnecting`,
    );
    this.reconnect = setTimeout(() => void this.start(), RECONNECT_DELAY_MS);
  }
}
