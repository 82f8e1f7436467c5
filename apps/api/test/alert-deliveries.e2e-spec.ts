import { AlertCycle } from '../src/modules/alerts/alert-cycle';
import {
  answer,
  Answer,
  LocalReceiver,
  startLocalReceiver,
} from '../src/modules/alerts/channels/testing/local-receiver';
import { alertFixtures } from './support/alert-fixtures';
import { ADMIN_ENV, createTestApp, SignedInUser, signInAdmin, TestApp } from './support/test-app';

/** A delivery's row in `alert_notifications`, as the worker leaves it. */
interface DeliveryRow {
  id: string;
  channelId: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  responseCode: number | null;
  lastError: string | null;
}

const SECOND = 1000;
const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);

/** When a pending delivery is tried next (a pending row always has a time). */
function nextAttempt(row: { nextAttemptAt: Date | null }): Date {
  if (row.nextAttemptAt === null) throw new Error('The delivery has no next attempt');
  return row.nextAttemptAt;
}

/**
 * Issue 16, delivery reliability on one instance: a webhook contact point posts to a real local
 * receiver whose answers the test chooses, and time is stepped by passing `now` to the alert
 * cycle (the jobs pass the clock). Each rule fires at its first evaluation (a log count of at
 * least 0, no pending period, no group wait), so every notification here is one firing delivery.
 */
describe('alert deliveries: retries, permanent failures, 410 Gone and no repeats after a 2xx', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let receiver: LocalReceiver;
  let cycle: AlertCycle;
  const fixtures = alertFixtures(
    () => testApp,
    () => admin,
  );
  const webhookPoint = (path: string) => fixtures.webhookPoint(`${receiver.url}${path}`);
  const firingRule = (contactPointIds: string[], repeatIntervalSeconds?: number) =>
    fixtures.alwaysHoldingRule(contactPointIds, { repeatIntervalSeconds });

  beforeAll(async () => {
    receiver = await startLocalReceiver();
    testApp = await createTestApp({ ...ADMIN_ENV, ALERT_WEBHOOK_ALLOW_PRIVATE: 'true' });
    admin = await signInAdmin(testApp);
    cycle = testApp.app.get(AlertCycle);
  }, 30_000);

  // A rule left behind would be evaluated again by the next test's steps.
  afterEach(() => fixtures.removeRules());

  afterAll(async () => {
    await testApp?.close();
    await receiver?.close();
  });

  async function deliveriesOf(ruleId: string): Promise<DeliveryRow[]> {
    return testApp.dataSource.query(
      `SELECT id, channel_id AS "channelId", status, attempts, next_attempt_at AS "nextAttemptAt",
         response_code AS "responseCode", last_error AS "lastError"
       FROM alert_notifications WHERE rule_id = $1 ORDER BY created_at, id`,
      [ruleId],
    );
  }

  async function onlyDelivery(ruleId: string): Promise<DeliveryRow> {
    const rows = await deliveriesOf(ruleId);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  const requestsTo = (path: string) => receiver.received.filter((request) => request.url === path);
  const webhookIds = (path: string) =>
    requestsTo(path).map((request) => request.headers['webhook-id']);

  /** Answers by path, 200 for any other. */
  const byPath =
    (answers: Record<string, Answer>): Answer =>
    (request, response) =>
      (answers[request.url] ?? answer(200))(request, response);

  it('retries a 503 no sooner than its Retry-After and sends it once, under one webhook-id', async () => {
    receiver.answerWith(answer(503, { 'retry-after': '120' }, 'maintenance'));
    const ruleId = await firingRule([await webhookPoint('/flaky')]);
    const t0 = new Date();
    await cycle.evaluate(t0);
    expect(await cycle.deliver(t0)).toBe(1);

    const waiting = await onlyDelivery(ruleId);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, responseCode: 503 });
    expect(waiting.lastError).toContain('HTTP 503 Service Unavailable');
    expect(nextAttempt(waiting).getTime()).toBeGreaterThanOrEqual(t0.getTime() + 120 * SECOND);

    // The backoff alone (10 s) would have tried again long before the receiver asked.
    await cycle.deliver(at(t0, 119 * SECOND));
    expect(requestsTo('/flaky')).toHaveLength(1);

    receiver.answerWith(answer(200));
    expect(await cycle.deliver(at(t0, 121 * SECOND))).toBe(1);
    expect(await onlyDelivery(ruleId)).toMatchObject({
      status: 'sent',
      attempts: 2,
      responseCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(webhookIds('/flaky')).toEqual([waiting.id, waiting.id]);

    // Accepted once: never sent again, however late the worker looks.
    for (const later of [122 * SECOND, 3600 * SECOND, 7 * 86_400 * SECOND]) {
      expect(await cycle.deliver(at(t0, later))).toBe(0);
    }
    expect(requestsTo('/flaky')).toHaveLength(2);
    expect(await onlyDelivery(ruleId)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('tries five times with growing, jittered pauses, then fails with the last answer', async () => {
    receiver.answerWith(answer(500));
    const ruleId = await firingRule([await webhookPoint('/down')]);
    const t0 = new Date();
    await cycle.evaluate(t0);
    await cycle.deliver(t0);

    let attemptedAt = t0;
    for (let attempts = 1; attempts < 5; attempts++) {
      const row = await onlyDelivery(ruleId);
      expect(row).toMatchObject({ status: 'pending', attempts, responseCode: 500 });
      // Equal jitter: between half the backoff and the whole of it (10, 20, 40, 80 s).
      const backoff = 10 * SECOND * 2 ** (attempts - 1);
      const pause = nextAttempt(row).getTime() - attemptedAt.getTime();
      expect(pause).toBeGreaterThanOrEqual(backoff / 2);
      expect(pause).toBeLessThanOrEqual(backoff);

      await cycle.deliver(new Date(nextAttempt(row).getTime() - 1));
      expect(requestsTo('/down')).toHaveLength(attempts);
      attemptedAt = nextAttempt(row);
      expect(await cycle.deliver(attemptedAt)).toBe(1);
      expect(requestsTo('/down')).toHaveLength(attempts + 1);
    }

    expect(await onlyDelivery(ruleId)).toEqual({
      id: expect.any(String),
      channelId: expect.any(String),
      status: 'failed',
      attempts: 5,
      nextAttemptAt: null,
      responseCode: 500,
      lastError: 'HTTP 500 Internal Server Error',
    });
    expect(await cycle.deliver(at(attemptedAt, 3600 * SECOND))).toBe(0);
    expect(new Set(webhookIds('/down')).size).toBe(1);
    expect(requestsTo('/down')).toHaveLength(5);
  });

  it('retries a 429 but fails a 400 at once: asking again would not change the answer', async () => {
    receiver.answerWith(byPath({ '/busy': answer(429), '/refusing': answer(400, {}, 'no') }));
    const busy = await firingRule([await webhookPoint('/busy')]);
    const refusing = await firingRule([await webhookPoint('/refusing')]);
    const t0 = new Date();
    await cycle.evaluate(t0);
    expect(await cycle.deliver(t0)).toBe(2);

    expect(await onlyDelivery(busy)).toMatchObject({
      status: 'pending',
      attempts: 1,
      responseCode: 429,
    });
    const refused = await onlyDelivery(refusing);
    expect(refused).toMatchObject({
      status: 'failed',
      attempts: 1,
      responseCode: 400,
      nextAttemptAt: null,
    });
    expect(refused.lastError).toContain('HTTP 400 Bad Request');

    receiver.answerWith(answer(200));
    await cycle.deliver(at(t0, 3600 * SECOND));
    expect(await onlyDelivery(busy)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(requestsTo('/refusing')).toHaveLength(1);
    expect(requestsTo('/busy')).toHaveLength(2);
  });

  it('disables a contact point that answered 410 Gone and leaves it out of later notifications', async () => {
    receiver.answerWith(byPath({ '/gone': answer(410) }));
    const gone = await webhookPoint('/gone');
    const healthy = await webhookPoint('/healthy');
    const ruleId = await firingRule([gone, healthy], 60);
    const t0 = new Date();
    await cycle.evaluate(t0);
    expect(await cycle.deliver(t0)).toBe(2);

    const [first] = (await deliveriesOf(ruleId)).filter((row) => row.channelId === gone);
    expect(first).toMatchObject({
      status: 'failed',
      attempts: 1,
      responseCode: 410,
      nextAttemptAt: null,
    });
    const point = await testApp.http
      .get(`/api/v1/monitoring/alerts/contact-points/${gone}`)
      .set(admin.auth)
      .expect(200);
    expect(point.body).toMatchObject({
      disabled: true,
      disabledReason: 'The receiver answered 410 Gone',
    });

    // The repeat after 60 s goes to the healthy contact point only.
    await cycle.evaluate(at(t0, 60 * SECOND));
    await cycle.deliver(at(t0, 60 * SECOND));
    await cycle.deliver(at(t0, 3600 * SECOND));
    const rows = await deliveriesOf(ruleId);
    const summary = rows.map(
      (row) => `${row.channelId === gone ? 'gone' : 'healthy'} ${row.status}`,
    );
    expect(summary.sort()).toEqual(['gone failed', 'healthy sent', 'healthy sent']);
    expect(requestsTo('/gone')).toHaveLength(1);
    expect(requestsTo('/healthy')).toHaveLength(2);
  });

  it('sends nothing more to a contact point once it answered 410, not even in the same round', async () => {
    receiver.answerWith(answer(410));
    const gone = await webhookPoint('/gone-twice');
    const first = await firingRule([gone]);
    const second = await firingRule([gone]);
    const t0 = new Date();
    await cycle.evaluate(t0);
    expect((await deliveriesOf(first)).concat(await deliveriesOf(second))).toHaveLength(2);

    await cycle.deliver(t0);
    expect(requestsTo('/gone-twice')).toHaveLength(1);
    const rows = [...(await deliveriesOf(first)), ...(await deliveriesOf(second))];
    expect(rows.map((row) => row.status)).toEqual(['failed', 'failed']);
    const answered = rows.find((row) => row.responseCode === 410);
    expect(answered).toMatchObject({ attempts: 1, lastError: 'HTTP 410 Gone' });
    expect(rows.find((row) => row !== answered)).toMatchObject({
      responseCode: null,
      lastError: 'The contact point was deleted or disabled',
    });
  });
});
