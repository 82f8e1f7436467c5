import { request } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuiltApi, startBuiltApi, withClient } from '../../harness';
import { eventually } from '../support/eventually';
import { SERVER_URL_ENV } from '../support/test-database';

/**
 * Fault: downloads of a multi-megabyte log export cut off at random points. Each abort must end
 * only that response: the built API keeps answering and keeps no temporary file of it.
 */
const ABORTS = 20;
const LINES = 12_000;
const MESSAGE_LENGTH = 1000;
const FORMATS = ['json', 'csv', 'txt'] as const;
const ADMIN = { email: 'export-admin@example.com', password: 'export-admin-password' };

/** Stored log lines written straight into `app_logs`, newest now, a millisecond apart. */
async function seedLogLines(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    // Day partitions of today and yesterday (UTC); a line without its partition is refused.
    await client.query(
      `SELECT app_logs_ensure_partition(day::date)
       FROM generate_series((now() AT TIME ZONE 'UTC')::date - 1, (now() AT TIME ZONE 'UTC')::date,
         interval '1 day') AS day`,
    );
    await client.query(
      `INSERT INTO app_logs (logged_at, level, severity_number, source, module, message, trace_id,
         extra_data)
       SELECT now() - g * interval '1 millisecond', 'info', 9, 'backend', 'export-abort',
         'line ' || g || ' ' || repeat('x', $2), 'abort-' || (g % 100), jsonb_build_object('n', g)
       FROM generate_series(1, $1) g`,
      [LINES, MESSAGE_LENGTH],
    );
  });
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * Starts an export and destroys the socket once `cutAfter` bytes of the body have arrived; resolves
 * with the status and the bytes received (the status is 0 when the headers never came).
 */
function abortedExport(
  baseUrl: string,
  token: string,
  format: string,
  cutAfter: number,
): Promise<{ status: number; received: number }> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let received = 0;
    const body = JSON.stringify({ format, module: 'export-abort' });
    const outgoing = request(`${baseUrl}/api/v1/logging/logs/export`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      },
    });
    outgoing.on('response', (response) => {
      status = response.statusCode ?? 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= cutAfter) outgoing.destroy();
      });
      response.on('end', () => reject(new Error(`The export ended after ${received} bytes`)));
    });
    // Destroying the request closes the socket: "aborted"/"socket hang up" is the expected end.
    outgoing.on('error', () => undefined);
    outgoing.on('close', () => resolve({ status, received }));
    outgoing.end(body);
  });
}

async function healthy(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/health`);
  expect(response.status).toBe(200);
}

describe('fault: an export download aborted 20 times', () => {
  let api: BuiltApi;
  let exportDir: string;

  beforeAll(async () => {
    exportDir = await mkdtemp(join(tmpdir(), 'ledgerlens-export-abort-'));
    api = await startBuiltApi(process.env[SERVER_URL_ENV] as string, 'export_abort', {
      EXPORT_DIR: exportDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      JOBS_ENABLED: 'false',
    });
    await seedLogLines(api.databaseUrl);
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await rm(exportDir, { recursive: true, force: true });
  });

  it('keeps the process up and leaves no temporary file behind', async () => {
    const token = await signIn(api.baseUrl);
    const fullSize = LINES * MESSAGE_LENGTH;
    for (let attempt = 0; attempt < ABORTS; attempt++) {
      const format = FORMATS[attempt % FORMATS.length];
      // Anywhere from the first bytes to well into the file (which is larger than fullSize).
      const cutAfter = 1 + Math.floor(Math.random() * fullSize * 0.8);
      const { status } = await abortedExport(api.baseUrl, token, format, cutAfter);
      expect(status).toBe(200);
      await healthy(api.baseUrl);
    }
    expect(() => process.kill(api.pid, 0)).not.toThrow();
    await eventually(async () => expect(await readdir(exportDir)).toEqual([]), 10_000);
    await healthy(api.baseUrl);
  }, 180_000);
});
