import { parse } from 'csv-parse';
import { eventually } from './support/eventually';
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

  beforeAll(async () => {
    testApp = await createTestApp(ADMIN_ENV);
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
});
