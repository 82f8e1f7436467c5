import { spawn, spawnSync } from 'node:child_process';
import Redis from 'ioredis';
import { eventually } from './eventually';
import { freePort } from '../../harness';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * TEST_REDIS_URL when set (CI), else a throw-away `redis-server` on a free port. Without either
 * the test fails saying so: a Redis-backed behaviour is never skipped silently.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const given = process.env['TEST_REDIS_URL'];
  if (given) return { url: given, stop: async () => undefined };
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error(
      'This test needs Redis: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) or put redis-server on PATH',
    );
  }
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  await eventually(async () => {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
    } finally {
      probe.disconnect();
    }
  }, 10_000);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}
