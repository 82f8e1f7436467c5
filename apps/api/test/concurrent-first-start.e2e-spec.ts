import { randomBytes } from 'node:crypto';
import { BuiltApi, sql, startBuiltApi, withClient, withDatabase } from '../harness';
import { MIGRATIONS_TABLE } from '../src/database/data-source-options';
import { DEMO_CATEGORIES, DEMO_LOGINS } from '../src/modules/demo/demo-data';
import { SERVER_URL_ENV } from './support/test-database';

/**
 * Two built instances started at the same moment on one fresh, empty database (as a compose file
 * or an orchestrator starts them): one runs the migrations and seeds the demo data, the other
 * waits for it and then finds the work done — both become ready, nothing runs twice.
 */
/** pino's number for `error`. */
const ERROR_LEVEL = 50;
const ADMIN = { email: 'ops@ledgerlens.test', password: 'first-start-admin-password' };

describe('two instances starting at once on an empty database', () => {
  const serverUrl = () => process.env[SERVER_URL_ENV] as string;
  const database = `ledgerlens_first_start_${randomBytes(6).toString('hex')}`;
  const databaseUrl = () => withDatabase(serverUrl(), database);
  const started: BuiltApi[] = [];
  let starts: PromiseSettledResult<BuiltApi>[] = [];

  beforeAll(async () => {
    await sql(withDatabase(serverUrl(), 'postgres'), `CREATE DATABASE "${database}"`);
    // ADMIN_EMAIL: both instances make sure of the configured admin at the same moment.
    const env = {
      SEED_DEMO_DATA: 'true',
      JOBS_ENABLED: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    };
    starts = await Promise.allSettled(
      ['first-start-a', 'first-start-b'].map((instanceId) =>
        startBuiltApi(
          serverUrl(),
          'first-start',
          { ...env, INSTANCE_ID: instanceId },
          { databaseUrl: databaseUrl() },
        ),
      ),
    );
    for (const start of starts) if (start.status === 'fulfilled') started.push(start.value);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(started.map((instance) => instance.terminate()));
    await sql(withDatabase(serverUrl(), 'postgres'), `DROP DATABASE "${database}" WITH (FORCE)`);
  }, 60_000);

  it('both become ready', async () => {
    const failures = starts.flatMap((start) =>
      start.status === 'rejected' ? [String(start.reason)] : [],
    );
    expect(failures).toEqual([]);
    for (const instance of started) {
      const ready = await fetch(`${instance.baseUrl}/api/v1/health/ready`);
      expect(ready.status).toBe(200);
    }
  });

  it('logs no error while starting (no failed migration retried, no failed seeding)', () => {
    const errors = started.flatMap((instance) =>
      instance
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: number; msg: string; err?: unknown })
        .filter((entry) => entry.level >= ERROR_LEVEL),
    );
    expect(errors).toEqual([]);
  });

  it('recorded each migration once', async () => {
    // Both being ready means the migrations their build knows of all ran.
    const names = await withClient(databaseUrl(), async (client) =>
      (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`)).rows.map(
        (row) => row.name,
      ),
    );
    expect(names.length).toBeGreaterThan(0);
    expect(names).toHaveLength(new Set(names).size);
  });

  it('seeded the demo users and their data once', async () => {
    const counts = await withClient(databaseUrl(), async (client) => {
      const users = await client.query<{ email: string }>(`SELECT email FROM users ORDER BY email`);
      const categories = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM categories`,
      );
      return { emails: users.rows.map((row) => row.email), categories: categories.rows[0].n };
    });
    expect(counts).toEqual({
      emails: [DEMO_LOGINS.admin.email, DEMO_LOGINS.user.email, ADMIN.email].sort(),
      categories: DEMO_CATEGORIES.length,
    });
  });
});
