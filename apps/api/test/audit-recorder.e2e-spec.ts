import { AuditRecorder } from '../src/modules/audit/audit-recorder';
import { eventually } from './support/eventually';
import { createTestApp, registerUser } from './support/test-app';
import { withClient } from '../harness';
import { dropTestDatabase } from './support/test-database';

const countEvents = (url: string, action: string) =>
  withClient(url, async (client) => {
    const result = await client.query(
      'SELECT count(*)::int AS n FROM audit_events WHERE action = $1',
      [action],
    );
    return result.rows[0].n as number;
  });

describe('action log recorder', () => {
  it('writes all 10 000 queued events before the database closes on app.close()', async () => {
    const testApp = await createTestApp({ AUDIT_LOGGING_FLUSH_INTERVAL_MS: '60000' });
    try {
      const recorder = testApp.app.get(AuditRecorder);
      for (let i = 0; i < 10_000; i++) {
        void recorder.record({ action: 'load.test', category: 'admin', message: `event ${i}` });
      }
      expect(recorder.backlog.dropped).toBe(0);
      await testApp.app.close();
      expect(await countEvents(testApp.databaseUrl, 'load.test')).toBe(10_000);
    } finally {
      await dropTestDatabase(testApp.databaseUrl);
    }
  }, 60_000);

  it('answers requests without waiting for the log, and writes their events shortly after', async () => {
    const testApp = await createTestApp({ AUDIT_LOGGING_FLUSH_INTERVAL_MS: '50' });
    try {
      const user = await registerUser(testApp, 'async');
      await eventually(async () =>
        expect(await countEvents(testApp.databaseUrl, 'auth.register')).toBe(1),
      );
      expect(user.id).toBeTruthy();
    } finally {
      await testApp.close();
    }
  });

  it('drops and counts what does not fit a full queue, and never throws', async () => {
    const testApp = await createTestApp({
      AUDIT_LOGGING_QUEUE_SIZE: '10',
      AUDIT_LOGGING_BATCH_SIZE: '100',
      AUDIT_LOGGING_FLUSH_INTERVAL_MS: '60000',
    });
    try {
      const recorder = testApp.app.get(AuditRecorder);
      for (let i = 0; i < 25; i++) {
        await expect(
          recorder.record({ action: 'overflow.test', category: 'admin', message: 'x' }),
        ).resolves.toBeUndefined();
      }
      expect(recorder.backlog).toEqual({ queued: 10, dropped: 15 });
      await testApp.app.close();
      expect(await countEvents(testApp.databaseUrl, 'overflow.test')).toBe(10);
    } finally {
      await dropTestDatabase(testApp.databaseUrl);
    }
  });

  it('records nothing when AUDIT_LOGGING_ENABLED is false; the row history still records', async () => {
    const testApp = await createTestApp({ AUDIT_LOGGING_ENABLED: 'false' });
    try {
      await registerUser(testApp, 'quiet');
      await testApp.app.get(AuditRecorder).beforeApplicationShutdown();
      const [events] = await testApp.dataSource.query(
        'SELECT count(*)::int AS n FROM audit_events',
      );
      const [changes] = await testApp.dataSource.query(
        'SELECT count(*)::int AS n FROM audit_changes',
      );
      expect(events.n).toBe(0);
      expect(changes.n).toBeGreaterThan(0);
    } finally {
      await testApp.close();
    }
  });
});
