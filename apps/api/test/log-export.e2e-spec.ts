import { parse } from 'csv-parse/sync';
import type request from 'supertest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportFiles } from '../src/modules/logging/export/export-files';
import { AppLogWriter } from '../src/modules/logging/persistence/app-log.writer';
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

const EXPORT = '/api/v1/logging/logs/export';
const LINES = 2500; // more than one read chunk (1000)
/** Lines of 30 KB each, more than one read chunk: the first chunk alone outgrows socket buffers. */
const STALL = { lines: 1100, messageLength: 30_000, day: '2026-11-18' };

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
  let baseUrl: string;

  beforeAll(async () => {
    exportDir = await mkdtemp(join(tmpdir(), 'ledgerlens-exports-'));
    testApp = await createTestApp({
      ...ADMIN_ENV,
      EXPORT_DIR: exportDir,
      EXPORT_TTL_HOURS: '1',
      LOG_INGEST_RATE_LIMIT: '1000',
    });
    baseUrl = await listen(testApp.app);
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

  /** Kept files, finished or not, of the export `Content-Location` names (none without one). */
  const keptFilesOf = async (location: string | string[] | undefined) => {
    const id = typeof location === 'string' ? location.split('/').pop() : undefined;
    return (await readdir(exportDir)).filter((name) => id && name.startsWith(id));
  };

  it.each(['json', 'csv', 'txt'])(
    'ends only that export when PostgreSQL refuses a NUL in the search (%s)',
    async (format) => {
      const escaped = watchProcessErrors();
      try {
        const before = await readdir(exportDir);
        const refused = await download(`${baseUrl}${EXPORT}`, {
          method: 'POST',
          headers: admin.auth,
          body: { format, q: '\u0000' },
        });
        // Refused before the first byte, or cut off: never a file that looks complete.
        if (refused.status === 200) expect(refused.complete).toBe(false);
        else expect(refused.status).toBe(400);
        const after = await exportAs(format, { traceId: 't-3' });
        expect(text(after).length).toBeGreaterThan(0);
        await eventually(async () => {
          const left = (await readdir(exportDir)).filter((name) => !before.includes(name));
          expect(left.filter((name) => name.endsWith('.part'))).toEqual([]);
          expect(await keptFilesOf(refused.headers['content-location'])).toEqual([]);
        });
        expect(escaped.errors).toEqual([]);
      } finally {
        escaped.stop();
      }
    },
  );

  describe('when the database fails while the file streams', () => {
    beforeAll(async () => {
      await testApp.dataSource.query(`SELECT app_logs_ensure_partition($1::date)`, [STALL.day]);
      await testApp.dataSource.query(
        `INSERT INTO app_logs (logged_at, level, severity_number, source, module, message)
         SELECT $1::timestamptz + g * interval '1 second', 'info', 9, 'backend', 'stall',
           'stall ' || g || ' ' || repeat('s', $3)
         FROM generate_series(1, $2) g`,
        [`${STALL.day}T00:00:00Z`, STALL.lines, STALL.messageLength],
      );
    });

    it('cuts the download off, tracks the failure and removes the kept copy', async () => {
      const escaped = watchProcessErrors();
      try {
        const cutOff = await download(`${baseUrl}${EXPORT}`, {
          method: 'POST',
          headers: admin.auth,
          body: { format: 'json', module: 'stall', from: `${STALL.day}T00:00:00Z` },
          // The first read chunk (33 MB) cannot fit in the socket buffers: paused a megabyte in,
          // the export waits inside it, and its next query finds no table.
          pauseAfter: 1_000_000,
          whilePaused: () =>
            testApp.dataSource.query(`ALTER TABLE app_logs RENAME TO app_logs_away`),
        }).finally(() => testApp.dataSource.query(`ALTER TABLE app_logs_away RENAME TO app_logs`));
        expect(cutOff.status).toBe(200);
        expect(cutOff.complete).toBe(false);
        expect(cutOff.body.length).toBeGreaterThan(STALL.messageLength);

        const traceId = cutOff.headers['x-trace-id'] as string;
        await eventually(async () => {
          expect(await trackedExportFailures(testApp.dataSource, traceId)).toEqual([
            { type: 'QueryFailedError', context: expect.objectContaining({ code: '42P01' }) },
          ]);
          expect(await keptFilesOf(cutOff.headers['content-location'])).toEqual([]);
        });
        expect((await readdir(exportDir)).filter((name) => name.endsWith('.part'))).toEqual([]);
        await exportAs('json', { traceId: 't-3' });
        expect(escaped.errors).toEqual([]);
      } finally {
        escaped.stop();
      }
    });
  });

  describe('text that reads as something else', () => {
    const FORMULA = "=cmd|' -c calc'!A0";
    const since = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const ingested = (module: string, message: string) =>
      testApp.http
        .post('/api/v1/logging/logs/batch')
        .send({
          entries: [
            {
              clientId: randomUUID(),
              timestamp: new Date().toISOString(),
              level: 'warn',
              message,
              module,
              sessionId: 'session-1',
              url: 'http://localhost:3000/',
            },
          ],
        })
        .expect(200);

    it('neutralises a formula after a line break in a browser message (CSV)', async () => {
      const messages = [`x\n${FORMULA}`, 'y\r\n+SUM(1,2)', 'z\r@A1', 'w\n-2+3', 'v\n\t=1'];
      for (const message of messages) await ingested('csv-injection', message);
      const response = await exportAs('csv', {
        module: 'csv-injection',
        from: since,
        to: undefined,
      });
      const raw = text(response);
      // Whatever reads the file line by line, no line starts a formula.
      for (const line of raw.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t]/);
      const rows = parse(raw, { columns: true, bom: true }) as Record<string, string>[];
      expect(rows.map((row) => row['message']).sort()).toEqual(
        [`x\n'${FORMULA}`, "y\r\n'+SUM(1,2)", "z\r'@A1", "w\n'-2+3", "v\n'\t=1"].sort(),
      );
    });

    it('writes carriage returns and terminal escapes as visible escapes (TXT)', async () => {
      const forged = 'real\r2026-11-19T00:00:00.000000Z ERROR [backend/http] forged';
      await ingested('txt-injection', `${forged}\u001b[2J\u009b31m\u0007 end\u2028after`);
      const response = await exportAs('txt', {
        module: 'txt-injection',
        from: since,
        to: undefined,
      });
      const body = text(response);
      // eslint-disable-next-line no-control-regex -- the test looks for control characters
      expect(body).not.toMatch(/[\r\u001b\u009b\u0007\u2028]/);
      const lines = body.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(
        'real\\r2026-11-19T00:00:00.000000Z ERROR [backend/http] forged\\x1b[2J\\x9b31m\\x07 end\\u2028after',
      );
    });
  });
});
