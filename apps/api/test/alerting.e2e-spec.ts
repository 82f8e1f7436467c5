import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { AlertCycle } from '../src/modules/alerts/alert-cycle';
import {
  LocalReceiver,
  startLocalReceiver,
} from '../src/modules/alerts/channels/testing/local-receiver';
import { alertmanagerV4Problems } from '../src/modules/alerts/channels/testing/alertmanager-v4-schema';
import { SmtpInbox, startSmtpInbox } from '../src/common/mail/testing/smtp-inbox';
import { eventually } from './support/eventually';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  SignedInUser,
  signInAdmin,
  TestApp,
} from './support/test-app';

const TWILIO_SID = 'AC0123456789abcdef0123456789abcdef';
const ROUTE = '/api/v1/transactions';
const SLOW_MS = 350;

/**
 * The journey of issue 16 as an admin lives it: a rule "p95 latency of GET /api/v1/transactions
 * > 200 ms for 2 min" on a deliberately slowed route goes pending, fires, notifies once through
 * a real SMTP server, a real webhook receiver (verified with the standardwebhooks package) and
 * a real SMS gateway, stays quiet inside its repeat interval, is muted by a silence, and
 * resolves with one resolved notification when traffic stops. Time is stepped by evaluating at
 * chosen instants (the job does the same with the clock).
 */
describe('alerting, end to end', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let smtp: SmtpInbox;
  let webhook: LocalReceiver;
  let sms: LocalReceiver;
  const secret = `whsec_${randomBytes(32).toString('base64')}`;

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    webhook = await startLocalReceiver();
    sms = await startLocalReceiver((_request, response) =>
      response
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ sid: 'SM1', status: 'queued' })),
    );
    testApp = await createTestApp({
      ...ADMIN_ENV,
      SMTP_URL: smtp.url,
      ALERT_EMAIL_FROM: 'Ledgerlens <alerts@ledgerlens.test>',
      ALERT_WEBHOOK_ALLOW_PRIVATE: 'true',
      SMS_TWILIO_ACCOUNT_SID: TWILIO_SID,
      SMS_TWILIO_AUTH_TOKEN: 'twilio-token-of-the-test',
      SMS_TWILIO_FROM: '+15005550006',
      SMS_TWILIO_BASE_URL: sms.url,
      PUBLIC_URL: 'https://ledgerlens.example',
      METRICS_FLUSH_INTERVAL_MS: '100',
    });
    admin = await signInAdmin(testApp);
  }, 60_000);

  afterAll(async () => {
    await testApp?.close();
    await Promise.all([smtp?.close(), webhook?.close(), sms?.close()]);
  });

  const at = (t0: Date, seconds: number) => new Date(t0.getTime() + seconds * 1000);

  async function contactPoint(body: object): Promise<string> {
    const response = await testApp.http
      .post('/api/v1/monitoring/alerts/contact-points')
      .set(admin.auth)
      .send(body)
      .expect(201);
    return response.body.id;
  }

  /** Requests to GET /api/v1/transactions held up by a lock for SLOW_MS: a slowed route. */
  async function slowRequests(user: SignedInUser, count: number): Promise<void> {
    const blocker = new Client({ connectionString: testApp.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE transactions IN ACCESS EXCLUSIVE MODE');
      // `then` sends each request now (supertest sends lazily): they wait on the lock.
      const requests = Array.from({ length: count }, () =>
        testApp.http
          .get(ROUTE)
          .set(user.auth)
          .expect(200)
          .then((response) => response),
      );
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      await blocker.query('COMMIT');
      await Promise.all(requests);
    } finally {
      await blocker.end();
    }
  }

  async function history(ruleId: string): Promise<string[]> {
    const response = await testApp.http
      .get('/api/v1/monitoring/alerts/history')
      .query({ ruleId })
      .set(admin.auth)
      .expect(200);
    return (response.body.items as { fromState: string; toState: string }[])
      .reverse()
      .map((entry) => `${entry.fromState}->${entry.toState}`);
  }

  async function deliveries(ruleId: string) {
    const response = await testApp.http
      .get('/api/v1/monitoring/alerts/deliveries')
      .query({ ruleId, limit: 200 })
      .set(admin.auth)
      .expect(200);
    return response.body.items as { kind: string; status: string; contactPointType: string }[];
  }

  it('fires once through email, webhook and SMS, holds its repeat, obeys a silence and resolves once', async () => {
    const user = await registerUser(testApp, 'shopper');
    const contactPointIds = [
      await contactPoint({
        name: 'On-call mail',
        type: 'email',
        settings: { addresses: ['oncall@example.com'] },
      }),
      await contactPoint({
        name: 'Incident bot',
        type: 'webhook',
        settings: { url: `${webhook.url}/alertmanager` },
        secret,
      }),
      await contactPoint({ name: 'Pager', type: 'sms', settings: { numbers: ['+4915112345678'] } }),
    ];
    const created = await testApp.http
      .post('/api/v1/monitoring/alerts')
      .set(admin.auth)
      .send({
        name: 'Slow transaction list',
        severity: 'critical',
        annotations: { summary: 'Listing transactions is slow', runbook_url: 'https://wiki/slow' },
        metricType: 'p95_latency_ms',
        filters: { route: ROUTE, method: 'GET' },
        operator: '>',
        threshold: 200,
        windowSeconds: 3600,
        intervalSeconds: 60,
        pendingSeconds: 120,
        notification: {
          contactPointIds,
          groupWaitSeconds: 30,
          groupIntervalSeconds: 300,
          repeatIntervalSeconds: 900,
          sendResolved: true,
        },
      })
      .expect(201);
    const ruleId: string = created.body.id;
    expect(created.body.state).toBe('normal');

    await slowRequests(user, 5);
    await eventually(async () => {
      const [{ count }] = await testApp.dataSource.query(
        `SELECT coalesce(sum(count), 0)::int AS count FROM performance_metrics
         WHERE metric_name = $1 AND aggregation_period = '1m'`,
        [`GET ${ROUTE}`],
      );
      expect(count).toBeGreaterThanOrEqual(5);
    });

    const cycle = testApp.app.get(AlertCycle);
    const t0 = new Date();
    const step = async (seconds: number) => {
      await cycle.evaluate(at(t0, seconds));
      await cycle.deliver(at(t0, seconds));
    };

    // Pending for the first two minutes, then firing.
    await step(0);
    await step(60);
    const pending = await testApp.http
      .get(`/api/v1/monitoring/alerts/${ruleId}`)
      .set(admin.auth)
      .expect(200);
    expect(pending.body.state).toBe('pending');
    expect(pending.body.instances[0].value).toBeGreaterThan(200);
    await step(120);
    expect(await history(ruleId)).toEqual(['normal->pending', 'pending->firing']);
    expect(smtp.received).toHaveLength(0); // group wait: 30 s

    // After the group wait: one notification through each contact point.
    await step(150);
    expect(smtp.received).toHaveLength(1);
    const [{ mail, envelopeTo }] = smtp.received;
    expect(envelopeTo).toEqual(['oncall@example.com']);
    expect(mail.subject).toContain('FIRING');
    expect(mail.subject).toContain('Slow transaction list');
    expect(mail.text).toContain('https://ledgerlens.example/admin/alerts/');

    expect(webhook.received).toHaveLength(1);
    const hook = webhook.last();
    const headers = Object.fromEntries(
      Object.entries(hook.headers).map(([name, value]) => [name, String(value)]),
    );
    expect(() => new Webhook(secret).verify(hook.body, headers)).not.toThrow();
    const body = JSON.parse(hook.body);
    expect(alertmanagerV4Problems(body)).toEqual([]);
    expect(body).toMatchObject({ version: '4', status: 'firing', receiver: 'Incident bot' });
    expect(body.alerts[0].labels).toMatchObject({
      alertname: 'Slow transaction list',
      severity: 'critical',
    });
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]$/);

    expect(sms.received).toHaveLength(1);
    const text = new URLSearchParams(sms.last().body);
    expect(sms.last().url).toBe(`/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`);
    expect(text.get('To')).toBe('+4915112345678');
    expect(text.get('Body')).toContain('FIRING');

    // Nothing again inside the repeat interval, however often it is evaluated.
    for (const seconds of [180, 240, 300, 450, 600]) await step(seconds);
    expect([smtp.received.length, webhook.received.length, sms.received.length]).toEqual([1, 1, 1]);

    // A silence of the rule mutes the repeat that would be due: recorded, not sent.
    await testApp.http
      .post('/api/v1/monitoring/alerts/silences')
      .set(admin.auth)
      .send({ ruleId, endsAt: at(t0, 1200).toISOString(), comment: 'Investigating' })
      .expect(201);
    await step(1050);
    expect([smtp.received.length, webhook.received.length, sms.received.length]).toEqual([1, 1, 1]);
    const muted = (await deliveries(ruleId)).filter((delivery) => delivery.status === 'silenced');
    expect(muted.map((delivery) => delivery.contactPointType).sort()).toEqual([
      'email',
      'sms',
      'webhook',
    ]);

    // Traffic stopped: once the window no longer holds the slow requests, it resolves, once.
    await step(3780);
    await step(4080);
    await step(4380);
    expect(await history(ruleId)).toEqual(['normal->pending', 'pending->firing', 'firing->normal']);
    const resolvedMails = smtp.received.filter(({ mail }) => mail.subject?.includes('RESOLVED'));
    expect(resolvedMails).toHaveLength(1);
    const resolvedHooks = webhook.received.filter(
      (request) => JSON.parse(request.body).status === 'resolved',
    );
    expect(resolvedHooks).toHaveLength(1);
    const sent = (await deliveries(ruleId)).filter((delivery) => delivery.status === 'sent');
    expect(sent.filter((delivery) => delivery.kind === 'resolved')).toHaveLength(3);
    expect(sent.filter((delivery) => delivery.kind === 'firing')).toHaveLength(3);
  }, 60_000);
});
