import { Logger } from '@nestjs/common';
import { eventually } from './support/eventually';
import { groupsTitled, storedOccurrences } from './support/exception-groups';
import { ADMIN_ENV, createTestApp, signInAdmin, SignedInUser, TestApp } from './support/test-app';

// A file of its own: the logger is process-wide, so its app must be the file's only one.
describe('exceptions of the stored-log writer', () => {
  let testApp: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    testApp = await createTestApp({
      ...ADMIN_ENV,
      LOG_PERSIST_LEVEL: 'info',
      LOG_PERSIST_FLUSH_INTERVAL_MS: '50',
    });
    admin = await signInAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('records a failed write of stored logs; the retried lines are stored once it works again', async () => {
    await testApp.dataSource.query(`
      CREATE FUNCTION test_refuse_log() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.message = 'poison line' THEN RAISE EXCEPTION 'log store refused the line'; END IF;
        RETURN NEW;
      END $$`);
    await testApp.dataSource.query(
      `CREATE TRIGGER test_refuse_log BEFORE INSERT ON app_logs
       FOR EACH ROW EXECUTE FUNCTION test_refuse_log()`,
    );
    try {
      new Logger('Test').warn('poison line');
      const [group] = await groupsTitled(testApp, admin, 'log store refused');
      expect(group).toMatchObject({ type: 'QueryFailedError', source: 'backend' });
      const [occurrence] = await storedOccurrences(testApp, group.id);
      expect(occurrence.context).toMatchObject({ origin: 'logs', records: expect.any(Number) });
    } finally {
      await testApp.dataSource.query(`DROP TRIGGER test_refuse_log ON app_logs`);
      await testApp.dataSource.query(`DROP FUNCTION test_refuse_log()`);
    }
    await eventually(async () => {
      const rows = await testApp.dataSource.query(
        `SELECT 1 FROM app_logs WHERE message = 'poison line'`,
      );
      expect(rows).toHaveLength(1);
    }, 35_000);
    // Exception tracking logged nothing about it: no line mentions the failure.
    const echoes = await testApp.dataSource.query(
      `SELECT message FROM app_logs WHERE message ILIKE '%log store refused%'`,
    );
    expect(echoes).toEqual([]);
  }, 60_000);
});
