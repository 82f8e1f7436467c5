import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, waitForHealth } from '../harness';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');

/** The newcomer's path: the built app, started as `npm start` does, with no database configured. */
describe('smoke: the built app on an embedded PostgreSQL', () => {
  let child: ChildProcess;
  let dataDir: string;
  let output = '';

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves health, the SPA and the demo login, then stops cleanly on SIGTERM', async () => {
    expect(existsSync(MAIN)).toBe(true); // `npm test` builds before it tests
    dataDir = mkdtempSync(join(tmpdir(), 'ledgerlens-smoke-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach the folder
    const [port, pgPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_DIR: join(dataDir, 'pg'),
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_PRETTY: 'false',
    };
    delete env['DATABASE_URL'];
    delete env['NODE_ENV'];
    delete env['JWT_SECRET'];
    child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));

    const base = `http://127.0.0.1:${port}`;
    const health = await waitForHealth(`${base}/api/v1/health`, child, () => output);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const spa = await fetch(`${base}/`);
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('<div id="root"></div>');
    const deepLink = await fetch(`${base}/transactions/some-page`);
    expect(await deepLink.text()).toContain('<div id="root"></div>');

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'demo@ledgerlens.local', password: 'ledgerlens-demo' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const transactions = await fetch(`${base}/api/v1/transactions`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(((await transactions.json()) as { total: number }).total).toBeGreaterThan(20);
    expect(output).toContain('demo@ledgerlens.local / ledgerlens-demo');

    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
