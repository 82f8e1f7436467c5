import { RealtimeEvent } from '@ledgerlens/contracts';
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuiltApi, startBuiltApi, withClient } from '../harness';
import { signUp } from './reliability/support/sign-up';
import { eventually } from './support/eventually';
import { closeClients, connectClient } from './support/realtime-clients';
import {
  RoundRobinProxy,
  startRoundRobinProxy,
  UPSTREAM_HEADER,
} from './support/round-robin-proxy';
import { SERVER_URL_ENV } from './support/test-database';

/**
 * Two built API instances (`dist/apps/api/main.js`, as operators run them) on one database,
 * behind a round-robin reverse proxy on loopback, under load: per-minute metrics of both merge
 * exactly, and a scheduled job runs on one instance at a time in every period, once even when
 * an instance ticks late. With TEST_REDIS_URL (CI sets it when
 * 127.0.0.1:6379 answers) they share Redis too, and then rate limits and socket.io events are
 * the cluster's, not each instance's; without it those two tests are not run (each instance then
 * counts and broadcasts on its own, the documented single-instance behaviour that
 * realtime-instances.e2e-spec.ts covers).
 */
const redisUrl = process.env['TEST_REDIS_URL'];
const withRedis = redisUrl ? it : it.skip;
const NEEDS_REDIS = '(needs Redis: TEST_REDIS_URL)';

/** Sign-ins per client and window, on every instance (the default 60 s window). */
const AUTH_RATE_LIMIT = 6;
/** The log archive job's period: its schedule comes from LOG_ARCHIVE_CRON. */
const ARCHIVE_PERIOD_SECONDS = 4;
const LOAD_REQUESTS = 500;
const LOAD_PATH = '/api/v1/categories';
const PASSWORD = 'correct horse battery';

describe(`two built API instances behind a round-robin proxy, ${redisUrl ? 'sharing Redis' : 'without Redis'}`, () => {
  const instances: BuiltApi[] = [];
  let proxy: RoundRobinProxy | undefined;
  /**
   * A second proxy in front of the same instances with no load through it, so its turns
   * alternate strictly: what goes through it lands on both instances however the load falls.
   */
  let quiet: RoundRobinProxy | undefined;
  let databaseUrl: string;
  let load: Promise<autocannon.Result>;

  beforeAll(async () => {
    const prefix = `ledgerlens-test:${randomUUID()}`;
    const env = {
      // The proxy connects from loopback: its X-Forwarded-For names the client.
      TRUST_PROXY: 'loopback',
      JOBS_ENABLED: 'true',
      LOG_ARCHIVE_CRON: `*/${ARCHIVE_PERIOD_SECONDS} * * * * *`,
      ARCHIVE_DIR: mkdtempSync(join(tmpdir(), 'ledgerlens-cluster-archive-')),
      METRICS_FLUSH_INTERVAL_MS: '500',
      AUTH_RATE_LIMIT: String(AUTH_RATE_LIMIT),
      ...(redisUrl
        ? // Prefixes of their own: instances of other test files must not join this cluster.
          {
            REDIS_URL: redisUrl,
            REALTIME_REDIS_PREFIX: `${prefix}:socket.io`,
            RATE_LIMIT_REDIS_PREFIX: `${prefix}:rate-limit`,
          }
        : {}),
    };
    const serverUrl = process.env[SERVER_URL_ENV] as string;
    // The first migrates the fresh database; the second starts on it once it is ready.
    instances.push(await startBuiltApi(serverUrl, 'cluster', { ...env, INSTANCE_ID: 'cluster-a' }));
    databaseUrl = instances[0].databaseUrl;
    instances.push(
      await startBuiltApi(serverUrl, 'cluster', { ...env, INSTANCE_ID: 'cluster-b' }, instances[0]),
    );
    proxy = await startRoundRobinProxy(instances.map((instance) => instance.baseUrl));
    quiet = await startRoundRobinProxy(instances.map((instance) => instance.baseUrl));

    // The load runs while the tests below do their own requests through the same proxy.
    const reader = await signUp(proxy.url, 'cluster-load');
    load = autocannon({
      url: `${proxy.url}${LOAD_PATH}`,
      amount: LOAD_REQUESTS,
      connections: 10,
      headers: { authorization: `Bearer ${reader.token}` },
    });
  }, 120_000);

  afterAll(async () => {
    // A test may have paused an instance: it must be able to take its SIGTERM.
    for (const instance of instances) process.kill(instance.pid, 'SIGCONT');
    closeClients();
    await load?.catch(() => undefined);
    await Promise.all([proxy?.close(), quiet?.close()]);
    // The second shares the first's database, which the first drops when it stops.
    const [first, ...others] = instances;
    await Promise.allSettled(others.map((instance) => instance.terminate()));
    await first?.stop();
  }, 60_000);

  const loaded = () => proxy as RoundRobinProxy;
  const strict = () => quiet as RoundRobinProxy;

  withRedis(
    `shares the sign-in rate limit: ${AUTH_RATE_LIMIT + 1} attempts over both instances get one 429 ${NEEDS_REDIS}`,
    async () => {
      const user = await signUp(loaded().url, 'cluster-limit');
      const email = await withClient(databaseUrl, async (client) => {
        const rows = await client.query<{ email: string }>(
          'SELECT email FROM users WHERE id = $1',
          [user.id],
        );
        return rows.rows[0].email;
      });
      // A client's address as the proxy forwards it: the limit is keyed on it, not on the proxy.
      const login = (clientIp: string) =>
        fetch(`${strict().url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': clientIp },
          body: JSON.stringify({ email, password: PASSWORD }),
        });
      const answers = await Promise.all(
        Array.from({ length: AUTH_RATE_LIMIT + 1 }, () => login('198.51.100.7')),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([...Array(AUTH_RATE_LIMIT).fill(200), 429]);
      // Both instances answered some of them.
      const upstreams = new Set(answers.map((answer) => answer.headers.get(UPSTREAM_HEADER)));
      expect(upstreams.size).toBe(2);
      // Another client behind the same proxy has a limit of its own.
      expect((await login('198.51.100.8')).status).toBe(200);
    },
  );

  withRedis(
    `pushes writes made through either instance to sockets on both, through the proxy ${NEEDS_REDIS}`,
    async () => {
      const user = await signUp(loaded().url, 'cluster-realtime');
      // One socket on each instance.
      const clients = [
        await connectClient(strict().url, user.token),
        await connectClient(strict().url, user.token),
      ];
      expect(new Set(strict().upgrades.slice(-2)).size).toBe(2);

      const writes = await Promise.all(
        ['first', 'second', 'third', 'fourth'].map((name) =>
          fetch(`${strict().url}/api/v1/transactions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', authorization: `Bearer ${user.token}` },
            body: JSON.stringify({
              amountCents: 500,
              currency: 'EUR',
              type: 'expense',
              description: `Through the proxy, ${name}`,
              occurredOn: new Date().toISOString().slice(0, 10),
            }),
          }),
        ),
      );
      expect(writes.map((write) => write.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(writes.map((write) => write.headers.get(UPSTREAM_HEADER))).size).toBe(2);
      const ids = (
        await Promise.all(writes.map((write) => write.json() as Promise<{ id: string }>))
      )
        .map((body) => body.id)
        .sort();

      for (const client of clients) {
        for (const id of ids) {
          await client.next(
            RealtimeEvent.TransactionCreated,
            (event) => event.payload.transactionId === id,
            20_000,
          );
        }
        const heard = client
          .of(RealtimeEvent.TransactionCreated)
          .map((event) => event.payload.transactionId);
        expect(heard.sort()).toEqual(ids);
      }
    },
  );

  it('merges the per-minute metrics of both instances exactly: their sum is the requests sent', async () => {
    const result = await load;
    expect({
      sent: result.requests.sent,
      statuses: result.statusCodeStats,
      errors: result.errors,
      timeouts: result.timeouts,
      proxyFailures: loaded().failures,
    }).toEqual({
      sent: LOAD_REQUESTS,
      statuses: { 200: { count: LOAD_REQUESTS } },
      errors: 0,
      timeouts: 0,
      proxyFailures: [],
    });
    const perUpstream = loaded().servedFor('GET', LOAD_PATH);
    expect(perUpstream[0] + perUpstream[1]).toBe(LOAD_REQUESTS);
    expect(Math.min(...perUpstream)).toBeGreaterThan(0);

    // Each instance adds what it counted every METRICS_FLUSH_INTERVAL_MS.
    const stored = () =>
      withClient(databaseUrl, async (client) => {
        const rows = await client.query<{ instance: string; count: string }>(
          `SELECT instance, sum(count) AS count FROM performance_metrics
           WHERE aggregation_period = '1m' AND metric_type = 'http_request' AND metric_name = $1
           GROUP BY instance ORDER BY instance`,
          [`GET ${LOAD_PATH}`],
        );
        return Object.fromEntries(rows.rows.map((row) => [row.instance, Number(row.count)]));
      });
    const expected = { 'cluster-a': perUpstream[0], 'cluster-b': perUpstream[1] };
    await eventually(async () => expect(await stored()).toEqual(expected), 30_000);
    // And nothing more once later flushes have run.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stored()).toEqual(expected);
  });

  /** The log archive job's scheduled runs so far, oldest first, each with its period. */
  const scheduledRuns = () =>
    withClient(databaseUrl, async (client) => {
      const rows = await client.query<{ period: string; started: Date; finished: Date | null }>(
        `SELECT floor(extract(epoch FROM started_at) / $1) AS period, started_at AS started,
           finished_at AS finished
         FROM archive_runs WHERE trigger = 'schedule' ORDER BY started_at`,
        [ARCHIVE_PERIOD_SECONDS],
      );
      return rows.rows.map((row) => ({ ...row, period: Number(row.period) }));
    });
  /** Runs of several periods (both instances ticked together a few times), none running now. */
  const severalPeriods = () =>
    eventually(async () => {
      const runs = await scheduledRuns();
      expect(new Set(runs.map((run) => run.period)).size).toBeGreaterThanOrEqual(4);
      expect(runs.filter((run) => run.finished === null)).toEqual([]);
      return runs;
    }, 30_000);

  it('runs a scheduled job on one instance at a time, in every period, though both tick', async () => {
    const runs = await severalPeriods();
    for (const [index, run] of runs.entries()) {
      // Each run ended before the next began: the job never ran on both instances at once.
      const next = runs[index + 1];
      if (next)
        expect((run.finished as Date).getTime()).toBeLessThanOrEqual(next.started.getTime());
    }
    const periods = [...new Set(runs.map((run) => run.period))];
    expect(periods).toEqual(periods.map((_, index) => periods[0] + index));
  });

  /**
   * An instance whose tick comes after the other instance finished that period's run — which a
   * loaded machine or a long GC pause makes happen — must not run the period again: each tick
   * claims its period (`job_periods`) before running. Stalling one instance across a tick used
   * to reproduce a second run every time.
   */
  it('runs a period once when one instance ticks late: it stalls across the tick', async () => {
    const [, late] = instances;
    const periodMs = ARCHIVE_PERIOD_SECONDS * 1000;
    const sleepUntil = (at: number) =>
      new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
    // The next period start at least 1.5 s away; the second instance sleeps across it, as a
    // long garbage collection or an overloaded machine stalls a process.
    const tick = Math.ceil((Date.now() + 1500) / periodMs) * periodMs;
    await sleepUntil(tick - 500);
    process.kill(late.pid, 'SIGSTOP');
    try {
      await sleepUntil(tick + 2000);
    } finally {
      process.kill(late.pid, 'SIGCONT');
    }
    const period = tick / periodMs;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const runs = await eventually(async () => {
      const inPeriod = (await scheduledRuns()).filter((run) => run.period === period);
      expect(inPeriod.every((run) => run.finished !== null)).toBe(true);
      return inPeriod;
    }, 10_000);
    expect(runs.map((run) => run.started.toISOString())).toHaveLength(1);
  });
});
