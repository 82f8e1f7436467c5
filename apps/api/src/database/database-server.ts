import { AppConfig } from '../config/app-config';
import { RunningDatabase, startEmbeddedPostgres } from './embedded-postgres';

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
