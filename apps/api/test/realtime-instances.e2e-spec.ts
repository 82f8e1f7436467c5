import { RealtimeEvent } from '@ledgerlens/contracts';
import { INestApplication } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { ExclusiveJobs } from '../src/common/jobs/exclusive-jobs';
import {
  MetricsRollupService,
  ROLLUP_FIVE_MINUTES_JOB,
} from '../src/modules/monitoring/rollup/metrics-rollup.service';
import { eventually } from './support/eventually';
import { closeClients, connectClient, listen, RealtimeClient } from './support/realtime-clients';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

/**
 * Two API instances on one database, as behind a load balancer. With TEST_REDIS_URL (CI) they
 * share Redis and behave as one; without it each has the in-memory adapter, and the documented
 * single-instance behaviour holds: a client hears only about writes made through its instance.
 */
const redisUrl = process.env['TEST_REDIS_URL'];
const clustered = Boolean(redisUrl);

describe(`two API instances on one database, ${clustered ? 'sharing Redis' : 'without Redis'}`, () => {
  let first: TestApp;
  let second: INestApplication;
  let firstUrl: string;
  let secondUrl: string;
  let admin: SignedInUser;

  beforeAll(async () => {
    first = await createTestApp({
      ...ADMIN_ENV,
      JOBS_ENABLED: 'true',
      ...(redisUrl
        ? // A prefix of their own: other test files' instances must not join this cluster.
          { REDIS_URL: redisUrl, REALTIME_REDIS_PREFIX: `ledgerlens-test:${randomUUID()}` }
        : {}),
    });
    second = await createApp({ config: first.config, databaseUrl: first.databaseUrl });
    firstUrl = await listen(first.app);
    secondUrl = await listen(second);
    admin = await signInAdmin(first);
  });
  afterEach(() => closeClients());
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const spendThrough = (app: INestApplication, user: SignedInUser, description: string) =>
    request(app.getHttpServer())
      .post('/api/v1/transactions')
      .set(user.auth)
      .send({
        amountCents: 500,
        currency: 'EUR',
        type: 'expense',
        description,
        occurredOn: new Date().toISOString().slice(0, 10),
      })
      .expect(201);

  const createdIds = (client: RealtimeClient) =>
    client.of(RealtimeEvent.TransactionCreated).map((e) => e.payload.transactionId);

  it(`pushes a write made through one instance to ${clustered ? 'clients of both' : 'its own clients only'}`, async () => {
    const user = await registerUser(first, 'two-instances');
    const onFirst = await connectClient(firstUrl, user.token);
    const onSecond = await connectClient(secondUrl, user.token);

    const throughFirst = await spendThrough(first.app, user, 'Through the first');
    const throughSecond = await spendThrough(second, user, 'Through the second');
    const ids = (...writes: { body: { id: string } }[]) => writes.map((write) => write.body.id);
    const heard = async (client: RealtimeClient, expected: string[]) => {
      for (const id of expected) {
        await client.next(RealtimeEvent.TransactionCreated, (e) => e.payload.transactionId === id);
      }
      return createdIds(client).sort();
    };

    if (clustered) {
      const both = ids(throughFirst, throughSecond).sort();
      expect(await heard(onFirst, both)).toEqual(both);
      expect(await heard(onSecond, both)).toEqual(both);
    } else {
      // Without Redis an event has no way to the other instance's sockets.
      expect(await heard(onFirst, ids(throughFirst))).toEqual(ids(throughFirst));
      expect(await heard(onSecond, ids(throughSecond))).toEqual(ids(throughSecond));
    }
  });

  it(`closes a sign-in's sockets at logout ${clustered ? 'on both instances' : 'on the instance that logged out'}`, async () => {
    const user = await registerUser(first, 'logout-everywhere');
    const onFirst = await connectClient(firstUrl, user.token);
    const onSecond = await connectClient(secondUrl, user.token);

    await request(second.getHttpServer()).post('/api/v1/auth/logout').set(user.auth).expect(204);
    expect(await onSecond.disconnected).toBe('io server disconnect');
    if (clustered) {
      expect(await onFirst.disconnected).toBe('io server disconnect');
      expect(onFirst.of(RealtimeEvent.SessionEnded)[0].payload).toEqual({ reason: 'logout' });
    } else {
      // Without Redis the other instance keeps it open until the token expires: run one instance.
      expect(onFirst.socket.connected).toBe(true);
    }
    // Either way the token opens no new socket anywhere (once the revocation has travelled).
    await eventually(() =>
      expect(connectClient(firstUrl, user.token)).rejects.toThrow('Access token has been revoked'),
    );
  });

  it(`tails lines stored by ${clustered ? 'either instance' : 'its own instance only'}`, async () => {
    const module = `Cluster-${randomUUID().slice(0, 8)}`;
    const tailing = await connectClient(secondUrl, admin.token);
    expect(await tailing.socket.emitWithAck('logs.subscribe', { module })).toEqual({ ok: true });
    const storeThrough = (app: INestApplication, message: string) =>
      request(app.getHttpServer())
        .post('/api/v1/logging/logs/batch')
        .send({
          entries: [
            {
              clientId: randomUUID(),
              timestamp: new Date().toISOString(),
              level: 'info',
              module,
              message,
            },
          ],
        })
        .expect(200);

    await storeThrough(first.app, 'stored by the first');
    await storeThrough(second, 'stored by the second');
    const messages = () => tailing.of(RealtimeEvent.LogCreated).map((e) => e.payload.message);
    if (clustered) {
      await tailing.next(
        RealtimeEvent.LogCreated,
        (e) => e.payload.message === 'stored by the first',
      );
      expect(messages().sort()).toEqual(['stored by the first', 'stored by the second']);
    } else {
      // Stored through this instance, so sent while its request was answered.
      expect(messages()).toEqual(['stored by the second']);
    }
  });

  it('still runs each scheduled job on one instance at a time', async () => {
    for (const app of [first.app, second]) {
      expect(app.get(SchedulerRegistry).getCronJob(ROLLUP_FIVE_MINUTES_JOB)).toBeDefined();
    }
    let finish!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const held = first.app.get(ExclusiveJobs).run(ROLLUP_FIVE_MINUTES_JOB, () => {
      started();
      return new Promise<void>((resolve) => (finish = resolve));
    });
    await running;
    // The second instance's scheduled handler finds the job running on the first.
    expect(await second.get(MetricsRollupService).rollUpFiveMinutes()).toBe('busy');
    finish();
    expect(await held).toBe('succeeded');
    expect(await second.get(MetricsRollupService).rollUpFiveMinutes()).toBe('succeeded');
  });
});
