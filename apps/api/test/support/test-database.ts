import { randomBytes } from 'node:crypto';
import { withClient, withDatabase } from '../../harness';

/** Set by global setup for the test workers. */
export const SERVER_URL_ENV = 'LEDGERLENS_TEST_SERVER_URL';
export const RUN_ENV = 'LEDGERLENS_TEST_RUN';

/** Every database of one test run starts with this, so parallel runs on one server never collide. */
export function runPrefix(run = process.env[RUN_ENV]): string {
  if (!run) throw new Error('The API e2e global setup did not run');
  return `ledgerlens_test_${run}_`;
}

export function templateName(): string {
  return `${runPrefix()}template`;
}

const TEMPLATE_BUSY = /is being accessed by other users/;

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = process.env[SERVER_URL_ENV];
  if (!serverUrl) throw new Error('The API e2e global setup did not run');
  const template = templateName();
  const name = `${runPrefix()}${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, async (client) => {
    // Two workers cloning at the same instant can find the template busy: try again shortly.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if (attempt >= 20 || !TEMPLATE_BUSY.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return withDatabase(serverUrl, name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const serverUrl = process.env[SERVER_URL_ENV] as string;
  const name = new URL(url).pathname.slice(1);
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}
