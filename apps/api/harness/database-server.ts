import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { freePort } from './free-port';

export type { RunningDatabase };

/** The server of the first URL set among `envNames`, else a throwaway embedded PostgreSQL. */
export async function openDatabaseServerOf(envNames: string[]): Promise<RunningDatabase> {
  const configured = envNames.map((name) => process.env[name]).find(Boolean);
  if (configured) return { url: configured, stop: async () => undefined };
  console.log(`No ${envNames.join(' or ')}: starting an embedded PostgreSQL`);
  return startEmbeddedPostgres({
    dataDir: mkdtempSync(join(tmpdir(), 'ledgerlens-pg-')),
    port: await freePort(),
    database: 'postgres',
    persistent: false,
  });
}
