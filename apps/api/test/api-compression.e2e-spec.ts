import { eventually } from './support/eventually';
import { download, trackedExportFailures, watchProcessErrors } from './support/export-downloads';
import { listen } from './support/realtime-clients';
import { ADMIN_ENV, createTestApp, signInAdmin, SignedInUser, TestApp } from './support/test-app';

/**
 * Events carrying about 30 KB of hex digits each: text that compresses to about half, so the first read
 * chunk of an export (1100 events) still outgrows the socket buffers once compressed.
 */
const STALL = { events: 1100, md5PerMessage: 940 };

const varies = (header: unknown) =>
  String(header ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());

/** API answers are compressed as the client accepts; streamed exports still stream. */
describe('compressed API answers', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp(ADMIN_ENV);
    baseUrl = await listen(testApp.app);
    admin = await signInAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
  ])('compresses a JSON answer for a client accepting "%s" (%s)', async (accept, encoding) => {
    const response = await testApp.http
      .get('/api/docs-json')
      .set('Accept-Encoding', accept)
      .expect(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(varies(response.headers.vary)).toContain('accept-encoding');
    expect(response.body).toMatchObject({ openapi: expect.any(String) });
  });

  it('sends JSON as is to a client that accepts no compression', async () => {
    const response = await testApp.http
      .get('/api/docs-json')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toMatchObject({ openapi: expect.any(String) });
  });

  it('streams a compressed export: its first bytes leave before its last rows are read', async () => {
    await testApp.dataSource.query(
      // In metadata: the message has a trigram index, slow to fill with so many distinct ones.
      `INSERT INTO audit_events (source, action, category, result, severity, message, metadata)
       SELECT 'system', 'stall.compressed_export', 'admin', 'success', 'INFO', 'stall ' || g,
         jsonb_build_object('noise',
           (SELECT string_agg(md5(g::text || '-' || i::text), '') FROM generate_series(1, $2) i))
       FROM generate_series(1, $1) g`,
      [STALL.events, STALL.md5PerMessage],
    );
    const escaped = watchProcessErrors();
    try {
      // Paused a megabyte in, the export waits inside its first chunk; its next query then finds
      // no table. Had compression held the file back until its end, the download would be whole.
      const cutOff = await download(
        `${baseUrl}/api/v1/audit-logs/export?format=json&action=stall.compressed_export`,
        {
          headers: { ...admin.auth, 'Accept-Encoding': 'gzip' },
          pauseAfter: 1_000_000,
          whilePaused: () =>
            testApp.dataSource.query(`ALTER TABLE audit_events RENAME TO audit_events_away`),
        },
      ).finally(() =>
        testApp.dataSource.query(`ALTER TABLE audit_events_away RENAME TO audit_events`),
      );
      expect(cutOff.status).toBe(200);
      expect(cutOff.headers['content-encoding']).toBe('gzip');
      expect(cutOff.complete).toBe(false);
      const traceId = cutOff.headers['x-trace-id'] as string;
      await eventually(async () => {
        expect(await trackedExportFailures(testApp.dataSource, traceId)).toEqual([
          { type: 'QueryFailedError', context: expect.objectContaining({ code: '42P01' }) },
        ]);
      });
      expect(escaped.errors).toEqual([]);
    } finally {
      escaped.stop();
    }
  }, 20_000);
});
