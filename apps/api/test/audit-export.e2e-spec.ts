import { parse } from 'csv-parse';
import { eventually } from './support/eventually';
import { download, trackedExportFailures, watchProcessErrors } from './support/export-downloads';
import { listen } from './support/realtime-clients';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

const ROWS = 2500;
const FORMULA_AGENT = '=HYPERLINK("http://evil.example","click, me")';
const MULTILINE_MESSAGE = 'first line, with "quotes"\nsecond line';
/** Events of 30 KB each, more than one read chunk: the first chunk alone outgrows socket buffers. */
const STALL = { events: 1100, messageLength: 30_000 };

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) =>
    parse(text, { bom: true, relax_column_count: false }, (error, rows: string[][]) =>
      error ? reject(error) : resolve(rows),
    ),
  );
}

describe('audit log export', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp(ADMIN_ENV);
    baseUrl = await listen(testApp.app);
    admin = await signInAdmin(testApp);
    await testApp.dataSource.query(
      `INSERT INTO audit_events (occurred_at, source, action, category, result, severity, message,
         ip, user_agent, metadata)
       SELECT now() - g * interval '1 second', 'system', 'bulk.export_test', 'admin', 'success',
         'INFO', 'bulk ' || g, '10.0.0.' || (g % 250), 'agent-' || g, jsonb_build_object('n', g)
       FROM generate_series(1, $1) g`,
      [ROWS],
    );
    await testApp.dataSource.query(
      `INSERT INTO audit_events (source, action, category, result, severity, message, user_agent)
       VALUES ('frontend', 'tricky.export_test', 'data', 'warning', 'WARNING', $1, $2)`,
      [MULTILINE_MESSAGE, FORMULA_AGENT],
    );
  });
  afterAll(() => testApp.close());

  const exportOf = (query: Record<string, string>) =>
    testApp.http
      .get('/api/v1/audit-logs/export')
      .query(query)
      .set(admin.auth)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      })
      .expect(200);

  it('streams every matching row as JSON, newest first, past any chunk size', async () => {
    const response = await exportOf({ format: 'json', action: 'bulk.export_test' });
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-logs-.+\.json"$/,
    );
    const rows = JSON.parse(response.body as string);
    expect(rows).toHaveLength(ROWS);
    expect(rows.map((row: { metadata: { n: number } }) => row.metadata.n)).toEqual(
      Array.from({ length: ROWS }, (_, index) => index + 1),
    );
  });

  it('writes CSV that a spreadsheet reads back cell for cell, with formulas neutralised', async () => {
    const response = await exportOf({ format: 'csv', source: 'frontend' });
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect((response.body as string).startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = await parseCsv(response.body as string);
    expect(header.slice(0, 4)).toEqual(['occurredAt', 'actorEmail', 'actorId', 'action']);
    const tricky = rows.find((row) => row[header.indexOf('action')] === 'tricky.export_test');
    expect(tricky?.[header.indexOf('message')]).toBe(MULTILINE_MESSAGE);
    expect(tricky?.[header.indexOf('userAgent')]).toBe(`'${FORMULA_AGENT}`);
    expect(rows.every((row) => row.length === header.length)).toBe(true);

    const bulk = await exportOf({ format: 'csv', action: 'bulk.export_test' });
    expect((await parseCsv(bulk.body as string)).length).toBe(ROWS + 1);
  });

  it('refuses an unknown format and non-admins, and records who exported', async () => {
    const bad = await testApp.http
      .get('/api/v1/audit-logs/export')
      .query({ format: 'xml' })
      .set(admin.auth)
      .expect(400);
    expect(bad.body.details.format).toBeDefined();
    const user = await registerUser(testApp, 'curious');
    await testApp.http.get('/api/v1/audit-logs/export').set(user.auth).expect(403);
    await eventually(async () => {
      const exports = await testApp.http
        .get('/api/v1/audit-logs')
        .query({ action: 'audit_log.export', userId: admin.id, result: 'success' })
        .set(admin.auth)
        .expect(200);
      expect(exports.body.total).toBe(3);
      expect(exports.body.items[0]).toMatchObject({
        category: 'admin',
        message: 'Exported the audit log',
      });
    });
  });

  it('ends only that export when PostgreSQL refuses a NUL in a filter', async () => {
    const escaped = watchProcessErrors();
    try {
      const refused = await download(`${baseUrl}/api/v1/audit-logs/export?action=a%00b`, {
        headers: admin.auth,
      });
      // Refused before the first byte, or cut off: never a file that looks complete.
      if (refused.status === 200) expect(refused.complete).toBe(false);
      else expect(refused.status).toBe(400);
      await exportOf({ format: 'json', source: 'frontend' });
      expect(escaped.errors).toEqual([]);
    } finally {
      escaped.stop();
    }
  });

  it('cuts the download off and tracks the failure when the database fails midway', async () => {
    await testApp.dataSource.query(
      `INSERT INTO audit_events (source, action, category, result, severity, message)
       SELECT 'system', 'stall.export_test', 'admin', 'success', 'INFO', repeat('s', $2)
       FROM generate_series(1, $1) g`,
      [STALL.events, STALL.messageLength],
    );
    const escaped = watchProcessErrors();
    try {
      const cutOff = await download(
        `${baseUrl}/api/v1/audit-logs/export?format=json&action=stall.export_test`,
        {
          headers: admin.auth,
          // The first read chunk (33 MB) cannot fit in the socket buffers: paused a megabyte in,
          // the export waits inside it, and its next query finds no table.
          pauseAfter: 1_000_000,
          whilePaused: () =>
            testApp.dataSource.query(`ALTER TABLE audit_events RENAME TO audit_events_away`),
        },
      ).finally(() =>
        testApp.dataSource.query(`ALTER TABLE audit_events_away RENAME TO audit_events`),
      );
      expect(cutOff.status).toBe(200);
      expect(cutOff.complete).toBe(false);
      const traceId = cutOff.headers['x-trace-id'] as string;
      await eventually(async () => {
        expect(await trackedExportFailures(testApp.dataSource, traceId)).toEqual([
          { type: 'QueryFailedError', context: expect.objectContaining({ code: '42P01' }) },
        ]);
      });
      await exportOf({ format: 'json', source: 'frontend' });
      expect(escaped.errors).toEqual([]);
    } finally {
      escaped.stop();
    }
  });

  it('neutralises a formula after a line break in a path that failed to sign in (CSV)', async () => {
    const resourceId = "x\n=cmd|' -c calc'!A0";
    await testApp.http.delete(`/api/v1/categories/${encodeURIComponent(resourceId)}`).expect(401);
    const response = await eventually(async () => {
      const found = await exportOf({ format: 'csv', resourceId });
      expect((await parseCsv(found.body as string)).length).toBe(2);
      return found;
    });
    const raw = response.body as string;
    // Whatever reads the file line by line, no line starts a formula.
    for (const line of raw.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t]/);
    const [header, row] = await parseCsv(raw);
    expect(row[header.indexOf('resourceId')]).toBe("x\n'=cmd|' -c calc'!A0");
  });
});
