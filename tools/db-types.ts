// Regenerates the API's row types from the migrated schema into TABLE_TYPES_FILE.
//   npm run db:types
// Migrates a scratch database on TEST_DATABASE_URL's server (else an embedded PostgreSQL),
// reads its columns, writes the file and drops the database. The e2e test
// apps/api/test/schema-types.e2e-spec.ts fails while the committed file differs.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  openDatabaseServerOf,
  sql,
  TABLE_TYPES_FILE,
  tableTypesOf,
  withDatabase,
} from '../apps/api/harness';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';

async function migrate(url: string): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(url, [], 1)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const server = await openDatabaseServerOf(['TEST_DATABASE_URL']);
  const serverUrl = withDatabase(server.url, 'postgres');
  const scratch = `ledgerlens_db_types_${randomBytes(4).toString('hex')}`;
  try {
    await sql(serverUrl, `CREATE DATABASE "${scratch}"`);
    const url = withDatabase(serverUrl, scratch);
    await migrate(url);
    const target = join(__dirname, '..', TABLE_TYPES_FILE);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await tableTypesOf(url));
    console.log(`Wrote ${TABLE_TYPES_FILE}`);
  } finally {
    await sql(serverUrl, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
