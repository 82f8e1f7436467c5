import { Logger } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';

/** Failed sends are told at most this often, with how many there were. */
const FAILURE_REPORT_INTERVAL_MS = 60_000;

export interface RealtimeRedis {
  /** For `server.adapter(…)`. */
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * The Redis adapter's two connections. The adapter sends without waiting for the answer, so a
 * failed send would be an unhandled rejection: failures are caught, counted and logged at most
 * once a minute (a line per failure could be tailed and sent again). Subscriptions wait for the
 * connection instead of failing, so an instance started while Redis is down still joins the
 * cluster once it is back. Each loss and return of a connection is logged once.
 */
export function connectRealtimeRedis(url: string, key: string): RealtimeRedis {
  const logger = new Logger('Realtime');
  const failures = { count: 0, lastReportAt: Number.NEGATIVE_INFINITY };
  const sendFailed = (error: unknown) => {
    failures.count += 1;
    const now = Date.now();
    if (now - failures.lastReportAt < FAILURE_REPORT_INTERVAL_MS) return;
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(
      `${failures.count} realtime message(s) could not be sent through Redis (${reason})`,
    );
    failures.lastReportAt = now;
    failures.count = 0;
  };

  const publisher = watched(new Redis(url), 'publishing', logger);
  const subscriber = watched(
    publisher.duplicate({ maxRetriesPerRequest: null }),
    'subscribing',
    logger,
  );
  for (const client of [publisher, subscriber]) catchFailedSends(client, sendFailed);
  return {
    adapter: createAdapter(publisher, subscriber, { key }),
    close: async () => {
      await Promise.all([publisher, subscriber].map(closeConnection));
    },
  };
}

/** The commands the adapter sends and forgets. */
const FORGOTTEN_COMMANDS = ['publish', 'psubscribe', 'subscribe'] as const;

function catchFailedSends(client: Redis, onFailure: (error: unknown) => void): void {
  for (const command of FORGOTTEN_COMMANDS) {
    const send = client[command].bind(client) as (...args: unknown[]) => Promise<unknown>;
    Object.assign(client, {
      [command]: (...args: unknown[]) => {
        const reply = send(...args);
        reply.catch(onFailure);
        return reply;
      },
    });
  }
}

function watched(client: Redis, role: string, logger: Logger): Redis {
  let lost = false;
  client.on('error', (error: Error) => {
    if (lost) return;
    lost = true;
    logger.warn(
      `Redis connection for ${role} realtime events lost (${error.message}); reconnecting`,
    );
  });
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger.log(`Redis connection for ${role} realtime events is back`);
  });
  return client;
}

/** QUIT would wait for a connection that is down; such a one is just dropped. */
async function closeConnection(client: Redis): Promise<void> {
  if (client.status !== 'ready') return client.disconnect();
  await client.quit().catch(() => client.disconnect());
}
