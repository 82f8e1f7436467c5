import { parse } from 'csv-parse/sync';
import type request from 'supertest';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportFiles } from '../src/modules/logging/export/export-files';
import { AppLogWriter } from '../src/modules/logging/persistence/app-log.writer';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

const EXPORT = '/api/v1/logging/logs/export';
const LINES = 2500; // more than one read chunk (1000)

/** Collects a streamed response body, whatever its content type. */
function collectBody(
  response: request.Response,
  done: (error: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Reads a whole (possibly binary-chunked) response body as text. */
function text(response: { text?: string; body: unknown }): string {
  return response.text ?? Buffer.from(response.body as Buffer).toString('utf8');
}

describe('log export (POST /logging/logs/export)', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let exportDir: string;

  beforeAll(async () => {
    exportDir = await mkdtemp(join(tmpdir(), 'ledgerlens-exports-'));
    testApp = await createTestApp({ ...ADMIN_ENV, EXPORT_DIR: exportDir, EXPORT_TTL_HOURS: '1' });
    admin = await signInAdmin(testApp);
    const start = Date.parse('2026-11-19T00:00:00Z');
    const records = Array.from({ length: LINES }, (_, i) => ({
      loggedAt: new Date(start + i * 1000).toISOString(),
      level: i % 10 === 0 ? ('error' as const) : ('info' as const),
      source: 'backend' as const,
      module: 'http',
      message: i === 7 ? '=HYPERLINK("http://evil")\nsecond line, "quoted"' : `line ${i}`,
      traceId: `t-${i % 50}`,
      userId: null,
      requestMethod: 'GET',
      requestPath: '/api/v1/transactions',
      statusCode: 200,
      durationMs: i % 100,
      extraData: { n: i },
      clientId: null,
    }));
    await testApp.app.get(AppLogWriter).write(records);
  });
  afterAll(async () => {
    await testApp.close();
    await rm(exportDir, { recursive: true, force: true });
  });

  const exportAs = (format: string, body: Record<string, unknown> = {}) =>
    testApp.http
      .post(EXPORT)
      .set(admin.auth)
      .send({ format, from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z', ...body })
      .buffer(true)
      .parse(collectBody)
      .expect(200);

  it('streams every matching line as JSON, named after the time range', async () => {
    const response = await exportAs('json');
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="ledgerlens-logs_2026-11-19T00-00-00Z_2026-11-20T00-00-00Z.json"',
    );
    const rows = JSON.parse(text(response));
    expect(rows).toHaveLength(LINES);
    expect(rows[0]).toMatchObject({
      level: 'info',
      message: `line ${LINES - 1}`,
      extra: { n: LINES - 1 },
    });
  });

  it('writes CSV that a CSV parser reads back, with formulas defused', async () => {
    const response = await exportAs('csv', { level: 'error,info' });
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse(text(response), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(LINES);
    const tricky = rows.find((row) => row['message'].includes('HYPERLINK')) as Record<
      string,
      string
    >;
    expect(tricky['message']).toBe(`'=HYPERLINK("http://evil")\nsecond line, "quoted"`);
    expect(Object.keys(rows[0]).slice(0, 3)).toEqual(['timestamp', 'level', 'source']);
  });

  it('writes one text line per log line, indenting a message’s further lines', async () => {
    const response = await exportAs('txt', { level: 'error' });
    expect(response.headers['content-type']).toMatch(/text\/plain/);
    const lines = text(response).trimEnd().split('\n');
    expect(lines).toHaveLength(LINES / 10);
    expect(lines[0]).toMatch(
      /^2026-11-19T00:41:30\.000000Z ERROR \[backend\/http\] line 2490 trace=t-40 GET \/api\/v1\/transactions 200 90ms$/,
    );
    const traced = text(await exportAs('txt', { traceId: 't-7' })).split('\n');
    const multiLine = traced.findIndex((line) => line.includes('HYPERLINK'));
    expect(traced[multiLine + 1]).toMatch(/^ {4}second line, "quoted" trace=t-7 GET /);
  });

  it('keeps the export for its owner to download again, and clears expired ones', async () => {
    const first = await exportAs('json', { traceId: 't-3' });
    const location = first.headers['content-location'] as string;
    expect(location).toMatch(/^\/api\/v1\/logging\/logs\/exports\/[0-9a-f-]{36}$/);
    const again = await testApp.http
      .get(location)
      .set(admin.auth)
      .buffer(true)
      .parse(collectBody)
      .expect(200);
    expect(text(again)).toBe(text(first));
    const someoneElse = await registerUser(testApp, 'curious');
    await testApp.http.get(location).set(someoneElse.auth).expect(404);

    const id = location.split('/').pop() as string;
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of await readdir(exportDir)) await utimes(join(exportDir, name), old, old);
    expect(await testApp.app.get(ExportFiles).removeExpired()).toBeGreaterThanOrEqual(2);
    expect(await readdir(exportDir)).not.toContain(id);
    await testApp.http.get(location).set(admin.auth).expect(404);
  });

  it('exports only their own lines for other users, and refuses bad formats', async () => {
    const user = await registerUser(testApp, 'exporter');
    const response = await testApp.http
      .post(EXPORT)
      .set(user.auth)
      .send({ format: 'json' })
      .expect(200);
    expect(JSON.parse(response.text)).toEqual([]);
    const bad = await testApp.http.post(EXPORT).set(admin.auth).send({ format: 'xml' }).expect(400);
    expect(bad.body.details.format).toEqual([
      'format must be one of the following values: json, csv, txt',
    ]);
  });
});
