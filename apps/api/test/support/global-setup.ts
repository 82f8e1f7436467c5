import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { randomBytes } from 'node:crypto';
import { freePort, withClient, withDatabase } from '../../harness';
import { RUN_ENV, SERVER_URL_ENV, templateName } from './test-database';
import { setTestServer } from './test-server';

/** TEST_DATABASE_URL's server, else an embedded PostgreSQL in a temporary folder. */
async function testServerUrl(): Promise<string> {
  const configured = process.env['TEST_DATABASE_URL'];
  if (configured) return withDatabase(configured, 'postgres');
  const embedded = await startEmbeddedPostgres({
    dataDir: mkdtempSync(join(tmpdir(), 'ledgerlens-test-pg-')),
    port: await freePort(),
    database: 'postgres',
    persistent: false,
  });
  setTestServer(embedded);
  return embedded.url;
}

/** Migrates one template database; each test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  const serverUrl = await testServerUrl();
  process.env[SERVER_URL_ENV] = serverUrl;
  process.env[RUN_ENV] = randomBytes(4).toString('hex');
  const template = templateName();
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  const dataSource = await new DataSource(
    dataSourceOptions(withDatabase(serverUrl, template), [], 1),
  ).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
