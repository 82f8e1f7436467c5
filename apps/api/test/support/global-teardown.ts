import { withClient } from '../../harness';
import { runPrefix, SERVER_URL_ENV } from './test-database';
import { takeTestServer } from './test-server';

export default async function globalTeardown(): Promise<void> {
  const embedded = takeTestServer();
  if (embedded) {
    await embedded.stop();
    return;
  }
  const serverUrl = process.env[SERVER_URL_ENV];
  if (!serverUrl) return;
  // A shared server: drop what this run created (the template, and databases a crash left).
  await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [runPrefix()],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
