import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { embeddedDatabaseUrl, RunningDatabase, startEmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE_NAME = 'ledgerlens';

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL kept under EMBEDDED_PG_DIR, or where its
 * user can reach it when that folder is closed to it (see placeEmbeddedServer).
 */
export async function openDatabaseServer(
  config: AppConfig,
  log: (message: string) => void,
): Promise<RunningDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  log(`DATABASE_URL is not set: starting embedded PostgreSQL on port ${config.EMBEDDED_PG_PORT}`);
  return startEmbeddedPostgres({
    dataDir: config.EMBEDDED_PG_DIR,
    port: config.EMBEDDED_PG_PORT,
    database: EMBEDDED_DATABASE_NAME,
    persistent: true,
    announce: log,
  });
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * As openDatabaseServer, but without DATABASE_URL it first looks for the embedded server a
 * running app started (on EMBEDDED_PG_PORT), and uses that one, leaving it running: for
 * commands run beside the app, such as db:backup.
 */
export async function reachDatabaseServer(
  config: AppConfig,
  log: (message: string) => void,
): Promise<RunningDatabase> {
  if (!config.DATABASE_URL) {
    const url = embeddedDatabaseUrl(config.EMBEDDED_PG_PORT, EMBEDDED_DATABASE_NAME);
    if (await answers(url)) {
      log(
        `DATABASE_URL is not set: using the embedded PostgreSQL running on port ${config.EMBEDDED_PG_PORT}`,
      );
      return { url, stop: async () => undefined };
    }
  }
  return openDatabaseServer(config, log);
}
