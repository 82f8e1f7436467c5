import { RealtimeEvent } from '@ledgerlens/contracts';
import { randomUUID } from 'node:crypto';
import { parse, parseDocument } from 'yaml';
import { SmtpInbox, startSmtpInbox } from '../src/common/mail/testing/smtp-inbox';
import { AlertCycle } from '../src/modules/alerts/alert-cycle';
import { ExceptionCapture } from '../src/modules/exceptions/capture/exception-capture';
import {
  answer,
  LocalReceiver,
  startLocalReceiver,
} from '../src/modules/alerts/channels/testing/local-receiver';
import { eventually } from './support/eventually';
import { closeClients, connectClient, listen } from './support/realtime-clients';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  SignedInUser,
  signInAdmin,
  TestApp,
} from './support/test-app';

const RULES = '/api/v1/monitoring/alerts';
const POINTS = `${RULES}/contact-points`;
const ROUTE = '/api/v1/categories';

/** A rule the API accepts; each case changes what it tests. */
const validRule = (name: string, extra: object = {}) => ({
  name,
  severity: 'warning',
  metricType: 'p95_latency_ms',
  operator: '>',
  threshold: 200,
  windowSeconds: 300,
  intervalSeconds: 60,
  ...extra,
});

/** Traffic on GET /api/v1/categories: `request_rate > 0` holds over it at once. */
const trafficRule = (name: string, extra: object = {}) =>
  validRule(name, {
    metricType: 'request_rate',
    filters: { route: ROUTE, method: 'GET' },
    operator: '>',
    threshold: 0,
    pendingSeconds: 0,
    ...extra,
  });

interface HistoryEntry {
  id: string;
  ruleId: string;
  fromState: string;
  toState: string;
  value: number | null;
  occurredAt: string;
}

interface Delivery {
  id: string;
  ruleId: string | null;
  kind: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  responseCode: number | null;
  historyIds: string[];
  contactPointType: string;
}

/**
 * The alert rules admin API of issue 16 on real PostgreSQL: who may use it, the rule's life
 * (create, read, replace, delete), the checks that refuse impossible rules, previews, test
 * notifications through a real SMTP server and webhook receivers, the history with the
 * deliveries that reported it, the Prometheus export, the action log and the realtime pushes.
 * Alerting's clock is stepped with `AlertCycle` as the job would (jobs are off).
 */
describe('alert rules (API)', () => {
  let testApp: TestApp;
  let url: string;
  let admin: SignedInUser;
  let user: SignedInUser;
  let smtp: SmtpInbox;
  let webhook: LocalReceiver;
  let smsPointId: string;

  const sql = (query: string, parameters: unknown[] = []) =>
    testApp.dataSource.query(query, parameters);
  const count = async (table: string): Promise<number> =>
    (await sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const create = async (body: object) =>
    (await testApp.http.post(RULES).set(admin.auth).send(body).expect(201)).body;
  const remove = (id: string) => testApp.http.delete(`${RULES}/${id}`).set(admin.auth).expect(204);
  const contactPoint = async (body: object): Promise<string> =>
    (await testApp.http.post(POINTS).set(admin.auth).send(body).expect(201)).body.id;
  const deliveries = async (query: object): Promise<Delivery[]> =>
    (
      await testApp.http
        .get(`${RULES}/deliveries`)
        .query({ limit: 200, ...query })
        .set(admin.auth)
        .expect(200)
    ).body.items;

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    webhook = await startLocalReceiver();
    testApp = await createTestApp({
      ...ADMIN_ENV,
      // Inline writes: each request's action-log event is in the table when its answer arrives.
      AUDIT_LOGGING_ASYNC: 'false',
      SMTP_URL: smtp.url,
      ALERT_EMAIL_FROM: 'Ledgerlens <alerts@ledgerlens.test>',
      ALERT_WEBHOOK_ALLOW_PRIVATE: 'true',
      PUBLIC_URL: 'https://ledgerlens.example',
      METRICS_FLUSH_INTERVAL_MS: '100',
    });
    url = await listen(testApp.app);
    admin = await signInAdmin(testApp);
    user = await registerUser(testApp, 'shopper');
    // Stored while SMS was configured, say; this server has no Twilio settings.
    [{ id: smsPointId }] = await sql(
      `INSERT INTO notification_channels (name, type, settings)
       VALUES ('Old pager', 'sms', '{"numbers": ["+4915112345678"]}') RETURNING id`,
    );
    // Traffic the request metrics of GET /api/v1/categories record.
    for (let i = 0; i < 3; i += 1) await testApp.http.get(ROUTE).set(user.auth).expect(200);
    await eventually(async () => {
      const [{ n }] = await sql(
        `SELECT coalesce(sum(count), 0)::int AS n FROM performance_metrics
         WHERE metric_name = $1 AND aggregation_period = '1m'`,
        [`GET ${ROUTE}`],
      );
      expect(n).toBeGreaterThanOrEqual(3);
    });
  }, 60_000);

  afterEach(() => closeClients());

  afterAll(async () => {
    await testApp?.close();
    await Promise.all([smtp?.close(), webhook?.close()]);
  });

  it('is for admins only, and for signed-in users at all', async () => {
    const id = randomUUID();
    const calls: ['get' | 'post' | 'put' | 'delete', string][] = [
      ['get', RULES],
      ['get', `${RULES}/series`],
      ['post', RULES],
      ['post', `${RULES}/preview`],
      ['get', `${RULES}/history`],
      ['get', `${RULES}/history/1/deliveries`],
      ['get', `${RULES}/deliveries`],
      ['get', `${RULES}/prometheus-rules`],
      ['post', `${POINTS}/${id}/test`],
      ['get', `${RULES}/${id}`],
      ['put', `${RULES}/${id}`],
      ['delete', `${RULES}/${id}`],
      ['post', `${RULES}/${id}/preview`],
      ['post', `${RULES}/${id}/test`],
    ];
    const before = await count('alert_configs');
    for (const [method, path] of calls) {
      const call = (auth?: SignedInUser['auth']) => {
        const made = testApp.http[method](path);
        const signed = auth ? made.set(auth) : made;
        return method === 'post' || method === 'put' ? signed.send(validRule('Nope')) : signed;
      };
      expect([`${method} ${path}`, (await call(user.auth)).status]).toEqual([
        `${method} ${path}`,
        403,
      ]);
      expect([`${method} ${path}`, (await call()).status]).toEqual([`${method} ${path}`, 401]);
    }
    expect(await count('alert_configs')).toBe(before);
  });

  it('creates, reads, replaces and deletes a rule, refusing a name in use whatever its case', async () => {
    const created = await create(
      trafficRule('Categories traffic', {
        labels: { team: 'payments' },
        annotations: { summary: 'Someone lists categories' },
        enabled: false,
      }),
    );
    expect(created).toMatchObject({
      name: 'Categories traffic',
      severity: 'warning',
      labels: { team: 'payments' },
      annotations: { summary: 'Someone lists categories' },
      enabled: false,
      metricType: 'request_rate',
      filters: { route: ROUTE, method: 'GET' },
      groupBy: null,
      operator: '>',
      threshold: 0,
      windowSeconds: 300,
      intervalSeconds: 60,
      pendingSeconds: 0,
      keepFiringSeconds: 0,
      noDataState: 'normal',
      notification: {
        contactPointIds: [],
        groupWaitSeconds: 30,
        groupIntervalSeconds: 300,
        repeatIntervalSeconds: 14_400,
        sendResolved: true,
      },
      state: 'normal',
      lastEvaluatedAt: null,
      lastError: null,
    });
    const id: string = created.id;

    const list = (await testApp.http.get(RULES).set(admin.auth).expect(200)).body;
    expect(list).toContainEqual(created);
    const read = (await testApp.http.get(`${RULES}/${id}`).set(admin.auth).expect(200)).body;
    expect(read).toEqual({ ...created, instances: [] });

    const clash = await testApp.http
      .post(RULES)
      .set(admin.auth)
      .send(validRule('CATEGORIES TRAFFIC'))
      .expect(409);
    expect(clash.body.details).toEqual({ name: ['another rule already has this name'] });
    const other = await create(validRule('Slow categories'));
    const renamed = await testApp.http
      .put(`${RULES}/${other.id}`)
      .set(admin.auth)
      .send(validRule('categories Traffic'))
      .expect(409);
    expect(renamed.body.details).toEqual({ name: ['another rule already has this name'] });

    const replaced = (
      await testApp.http
        .put(`${RULES}/${id}`)
        .set(admin.auth)
        .send(
          validRule('Categories slow', {
            severity: 'critical',
            filters: { route: ROUTE },
            threshold: 500,
            pendingSeconds: 120,
            enabled: false,
          }),
        )
        .expect(200)
    ).body;
    // Replaced whole: what the body leaves out takes its default.
    expect(replaced).toMatchObject({
      id,
      name: 'Categories slow',
      severity: 'critical',
      labels: {},
      annotations: {},
      metricType: 'p95_latency_ms',
      filters: { route: ROUTE },
      threshold: 500,
      pendingSeconds: 120,
      createdAt: created.createdAt,
    });
    expect((await testApp.http.get(`${RULES}/${id}`).set(admin.auth).expect(200)).body).toEqual({
      ...replaced,
      instances: [],
    });

    await remove(id);
    await testApp.http.get(`${RULES}/${id}`).set(admin.auth).expect(404);
    const after = (await testApp.http.get(RULES).set(admin.auth).expect(200)).body;
    expect(after.map((rule: { id: string }) => rule.id)).not.toContain(id);
    await testApp.http.delete(`${RULES}/${id}`).set(admin.auth).expect(404);
    await testApp.http.put(`${RULES}/${id}`).set(admin.auth).send(validRule('Gone')).expect(404);
    await testApp.http.get(`${RULES}/not-a-uuid`).set(admin.auth).expect(400);
    // Its name is free again.
    await remove((await create(validRule('Categories traffic'))).id);
    await remove(other.id);

    // The action log names each change and its admin (refusals are recorded off the answer's
    // path, so in no particular order); the row history names the admin too.
    await eventually(async () => {
      const events: { action: string; actor_id: string; result: string }[] = await sql(
        `SELECT action, actor_id, result FROM audit_events WHERE resource_id = $1
         ORDER BY occurred_at, id`,
        [id],
      );
      const succeeded = events.filter((event) => event.result === 'success');
      expect(succeeded).toEqual([
        { action: 'alert_rule.create', actor_id: admin.id, result: 'success' },
        { action: 'alert_rule.update', actor_id: admin.id, result: 'success' },
        { action: 'alert_rule.delete', actor_id: admin.id, result: 'success' },
      ]);
      const refused = events.filter((event) => event.result === 'failure');
      expect(refused.map((event) => event.action).sort()).toEqual([
        'alert_rule.delete',
        'alert_rule.update',
      ]);
    });
    const changes: { action: string; user_id: string }[] = await sql(
      `SELECT action, user_id FROM audit_changes
       WHERE table_name = 'alert_configs' AND row_id = $1 ORDER BY id`,
      [id],
    );
    expect(changes).toEqual([
      { action: 'INSERT', user_id: admin.id },
      { action: 'UPDATE', user_id: admin.id },
      { action: 'UPDATE', user_id: admin.id },
    ]);
    // Deleted softly, by the admin.
    const [row] = await sql(`SELECT deleted_at, deleted_by FROM alert_configs WHERE id = $1`, [id]);
    expect(row.deleted_at).not.toBeNull();
    expect(row.deleted_by).toBe(admin.id);
  });

  describe('refuses an impossible rule with a message for the field, storing nothing', () => {
    const cases: [string, () => object, string, RegExp][] = [
      ['an unknown metric', () => validRule('R', { metricType: 'cpu' }), 'metricType', /one of/],
      ['an unknown operator', () => validRule('R', { operator: '=>' }), 'operator', /one of/],
      ['an unknown severity', () => validRule('R', { severity: 'fatal' }), 'severity', /one of/],
      [
        'a window shorter than the interval',
        () => validRule('R', { windowSeconds: 30, intervalSeconds: 60 }),
        'windowSeconds',
        /window \(30 s\) must be at least the evaluation interval \(60 s\)/,
      ],
      [
        'an interval under 10 s',
        () => validRule('R', { intervalSeconds: 5 }),
        'intervalSeconds',
        /must not be less than 10/,
      ],
      [
        'an interval over an hour',
        () => validRule('R', { intervalSeconds: 3601, windowSeconds: 7200 }),
        'intervalSeconds',
        /must not be greater than 3600/,
      ],
      [
        'a filter the metric cannot honour',
        () => validRule('R', { filters: { module: 'TransactionsService' } }),
        'filters.module',
        /p95_latency_ms cannot be filtered by module; it can be by route, method/,
      ],
      [
        'a grouping the metric cannot honour',
        () => validRule('R', { metricType: 'error_rate', threshold: 0.05, groupBy: 'module' }),
        'groupBy',
        /cannot be grouped by module; it can be by route/,
      ],
      [
        'an error rate above 1',
        () => validRule('R', { metricType: 'error_rate', threshold: 5 }),
        'threshold',
        /share between 0 and 1/,
      ],
      [
        'a route the API does not serve',
        () => validRule('R', { filters: { route: '/api/v1/nowhere' } }),
        'filters.route',
        /the API has no route \/api\/v1\/nowhere/,
      ],
      [
        'a method the route does not answer',
        () => validRule('R', { filters: { route: ROUTE, method: 'DELETE' } }),
        'filters.method',
        /\/api\/v1\/categories does not answer DELETE; it answers .*GET/,
      ],
      [
        'a label with an invalid name',
        () => validRule('R', { labels: { 'team-name': 'payments' } }),
        'labels',
        /"team-name" is not a valid name/,
      ],
      [
        'a contact point that does not exist',
        () => validRule('R', { notification: { contactPointIds: [randomUUID()] } }),
        'notification.contactPointIds',
        /does not exist/,
      ],
      [
        'an SMS contact point on a server without SMS',
        () => validRule('R', { notification: { contactPointIds: [smsPointId] } }),
        'notification.contactPointIds',
        /"Old pager" cannot send: SMS is not configured on this server/,
      ],
      ['a NUL in the name', () => validRule('Bad\u0000name'), 'name', /NUL character/],
    ];

    it.each(cases)('%s', async (_case, body, field, message) => {
      const before = await count('alert_configs');
      const refused = await testApp.http.post(RULES).set(admin.auth).send(body()).expect(400);
      expect(refused.body.details[field]).toEqual(
        expect.arrayContaining([expect.stringMatching(message)]),
      );
      // A draft is checked the same way.
      const preview = await testApp.http
        .post(`${RULES}/preview`)
        .set(admin.auth)
        .send(body())
        .expect(400);
      expect(Object.keys(preview.body.details)).toContain(field);
      expect(await count('alert_configs')).toBe(before);
    });

    it('leaves a rule as it was when its replacement is refused', async () => {
      const rule = await create(validRule('Kept as it was'));
      await testApp.http
        .put(`${RULES}/${rule.id}`)
        .set(admin.auth)
        .send(validRule('Kept as it was', { filters: { route: '/api/v1/nowhere' } }))
        .expect(400);
      const read = (await testApp.http.get(`${RULES}/${rule.id}`).set(admin.auth).expect(200)).body;
      expect(read.filters).toEqual({});
      expect(read.updatedAt).toBe(rule.updatedAt);
      await remove(rule.id);
    });
  });

  describe('preview', () => {
    const preview = async (body: object) =>
      (await testApp.http.post(`${RULES}/preview`).set(admin.auth).send(body).expect(200)).body;
    const written = () =>
      Promise.all(
        ['alert_configs', 'alert_history', 'alert_instances', 'alert_notifications'].map(count),
      );

    it('evaluates a draft now, storing and sending nothing', async () => {
      const before = await written();
      const mails = smtp.received.length;
      const hooks = webhook.received.length;

      const firing = await preview(trafficRule('Draft'));
      expect(firing.state).toBe('firing');
      expect(firing.error).toBeNull();
      expect(firing.instances).toHaveLength(1);
      const [instance] = firing.instances;
      expect(instance).toMatchObject({ key: '', labels: {}, state: 'firing' });
      expect(instance.value).toBeGreaterThan(0);
      expect(instance.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(Math.abs(Date.parse(firing.evaluatedAt) - Date.now())).toBeLessThan(60_000);

      // The same value, compared otherwise.
      const pending = await preview(trafficRule('Draft', { pendingSeconds: 600 }));
      expect(pending.state).toBe('pending');
      expect(pending.instances[0].value).toBe(instance.value);
      const normal = await preview(trafficRule('Draft', { threshold: 1_000_000 }));
      expect(normal.state).toBe('normal');
      expect(normal.instances[0].value).toBe(instance.value);

      const latency = await preview(
        trafficRule('Draft', { metricType: 'p50_latency_ms', operator: '>=', threshold: 0 }),
      );
      expect(latency.state).toBe('firing');
      expect(typeof latency.instances[0].value).toBe('number');
      expect(latency.instances[0].value).toBeGreaterThan(0);
      const tooSlow = await preview(
        trafficRule('Draft', { metricType: 'p50_latency_ms', threshold: 60_000 }),
      );
      expect(tooSlow.state).toBe('normal');

      // Grouped by route: one instance per endpoint, this one among them.
      const grouped = await preview(
        trafficRule('Draft', { filters: {}, groupBy: 'route', threshold: 0 }),
      );
      expect(grouped.instances).toContainEqual(
        expect.objectContaining({ key: `GET ${ROUTE}`, labels: { route: ROUTE, method: 'GET' } }),
      );

      expect(await written()).toEqual(before);
      expect([smtp.received.length, webhook.received.length]).toEqual([mails, hooks]);
    });

    it('evaluates a saved rule now without notifying or recording it', async () => {
      const hookId = await contactPoint({
        name: 'Preview hook',
        type: 'webhook',
        settings: { url: `${webhook.url}/preview` },
      });
      const rule = await create(
        trafficRule('Saved traffic', {
          enabled: false,
          notification: { contactPointIds: [hookId], groupWaitSeconds: 0 },
        }),
      );
      const before = await written();
      const hooks = webhook.received.length;

      const firing = (
        await testApp.http.post(`${RULES}/${rule.id}/preview`).set(admin.auth).expect(200)
      ).body;
      expect(firing.state).toBe('firing');
      expect(firing.instances[0].value).toBeGreaterThan(0);

      expect(await written()).toEqual(before);
      expect(webhook.received.length).toBe(hooks);
      const read = (await testApp.http.get(`${RULES}/${rule.id}`).set(admin.auth).expect(200)).body;
      expect(read).toMatchObject({ state: 'normal', instances: [], lastEvaluatedAt: null });

      await testApp.http.post(`${RULES}/${randomUUID()}/preview`).set(admin.auth).expect(404);
      await remove(rule.id);
    });
  });

  describe('test notifications', () => {
    it('sends one through each contact point of a rule, answering each result', async () => {
      const emailId = await contactPoint({
        name: 'On-call mail',
        type: 'email',
        settings: { addresses: ['oncall@example.com', 'lead@example.com'] },
      });
      const hookId = await contactPoint({
        name: 'Incident bot',
        type: 'webhook',
        settings: { url: `${webhook.url}/alertmanager/token-in-path` },
      });
      const rule = await create(
        validRule('Checkout is slow', {
          enabled: false,
          notification: { contactPointIds: [emailId, hookId] },
        }),
      );
      const mails = smtp.received.length;
      const hooks = webhook.received.length;

      const results = (
        await testApp.http.post(`${RULES}/${rule.id}/test`).set(admin.auth).expect(200)
      ).body;
      // One email to all its addresses, one webhook request.
      expect(results).toHaveLength(2);
      expect(results.map((result: { status: string }) => result.status)).toEqual(['sent', 'sent']);
      expect(results[0]).toMatchObject({
        contactPointId: emailId,
        contactPointName: 'On-call mail',
        contactPointType: 'email',
        error: null,
      });
      expect(results[0].recipient).toContain('oncall@example.com');
      expect(results[0].recipient).toContain('lead@example.com');
      expect(results[1]).toMatchObject({
        contactPointId: hookId,
        contactPointName: 'Incident bot',
        contactPointType: 'webhook',
        // A webhook shows its origin only: its path may hold a token.
        recipient: webhook.url,
        responseCode: 200,
        error: null,
      });

      expect(smtp.received).toHaveLength(mails + 1);
      const [{ mail, envelopeTo }] = smtp.received.slice(mails);
      expect(envelopeTo.sort()).toEqual(['lead@example.com', 'oncall@example.com']);
      expect(mail.subject).toContain('TEST');
      expect(mail.subject).toContain('Checkout is slow');
      expect(webhook.received.length).toBe(hooks + 1);
      expect(webhook.last().url).toBe('/alertmanager/token-in-path');

      const recorded = await deliveries({ ruleId: rule.id });
      expect(recorded.map((delivery) => [delivery.kind, delivery.status])).toEqual([
        ['test', 'sent'],
        ['test', 'sent'],
      ]);
      await testApp.http.post(`${RULES}/${randomUUID()}/test`).set(admin.auth).expect(404);
      await remove(rule.id);
    });

    it('answers a failed contact point test once, recorded and never retried', async () => {
      const broken = await startLocalReceiver(answer(500, {}, 'down'));
      try {
        const pointId = await contactPoint({
          name: 'Broken bot',
          type: 'webhook',
          settings: { url: `${broken.url}/hook` },
        });
        const [result] = (
          await testApp.http.post(`${POINTS}/${pointId}/test`).set(admin.auth).expect(200)
        ).body;
        expect(result).toMatchObject({
          contactPointId: pointId,
          contactPointType: 'webhook',
          status: 'failed',
          responseCode: 500,
        });
        expect(broken.received).toHaveLength(1);
        // Recorded as the contact point's other actions are, so one filter finds them all.
        expect(
          await sql(
            `SELECT action, resource_type, result FROM audit_events WHERE resource_id = $1`,
            [pointId],
          ),
        ).toContainEqual({
          action: 'alert_contact_point.test',
          resource_type: 'alert_contact_point',
          result: 'success',
        });

        const failed = (await deliveries({ status: 'failed' })).find(
          (delivery) => delivery.id === result.deliveryId,
        );
        expect(failed).toMatchObject({
          ruleId: null,
          kind: 'test',
          status: 'failed',
          attempts: 1,
          responseCode: 500,
          nextAttemptAt: null,
        });

        // A day of delivery rounds later, still one attempt.
        const cycle = testApp.app.get(AlertCycle);
        await cycle.deliver(new Date(Date.now() + 60_000));
        await cycle.deliver(new Date(Date.now() + 86_400_000));
        expect(broken.received).toHaveLength(1);
        const after = (await deliveries({})).find((delivery) => delivery.id === result.deliveryId);
        expect(after).toMatchObject({ status: 'failed', attempts: 1 });

        await testApp.http.post(`${POINTS}/${randomUUID()}/test`).set(admin.auth).expect(404);
      } finally {
        await broken.close();
      }
    });
  });

  describe('when rules fire and resolve', () => {
    let t0: Date;
    let trafficId: string;
    let everythingId: string;
    let firedEntry: HistoryEntry;

    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const history = async (query: object = {}) =>
      (await testApp.http.get(`${RULES}/history`).query(query).set(admin.auth).expect(200))
        .body as { items: HistoryEntry[]; total: number; page: number; limit: number };

    it('tells admins over realtime, and no one else', async () => {
      const hookId = await contactPoint({
        name: 'Firing hook',
        type: 'webhook',
        settings: { url: `${webhook.url}/firing` },
      });
      trafficId = (
        await create(
          trafficRule('Categories listed', {
            notification: { contactPointIds: [hookId], groupWaitSeconds: 0 },
          }),
        )
      ).id;
      everythingId = (await create(trafficRule('Any traffic', { severity: 'info', filters: {} })))
        .id;
      const adminSocket = await connectClient(url, admin.token);
      const userSocket = await connectClient(url, user.token);
      const cycle = testApp.app.get(AlertCycle);
      const hooks = webhook.received.length;

      t0 = new Date();
      await cycle.evaluate(t0);
      await cycle.deliver(t0);
      const fired = await adminSocket.next(
        RealtimeEvent.AlertFired,
        (event) => event.payload.alertId === trafficId,
      );
      expect(fired.payload).toMatchObject({
        name: 'Categories listed',
        severity: 'warning',
        metric: 'request_rate',
        threshold: 0,
        occurredAt: t0.toISOString(),
      });
      expect(fired.payload.value).toBeGreaterThan(0);
      const changed = await adminSocket.next(
        RealtimeEvent.AlertStateChanged,
        (event) => event.payload.alertId === trafficId,
      );
      expect(changed.payload).toEqual({
        alertId: trafficId,
        historyId: fired.payload.historyId,
        name: 'Categories listed',
        from: 'normal',
        to: 'firing',
        labels: {},
        value: fired.payload.value,
        occurredAt: t0.toISOString(),
      });
      const read = (await testApp.http.get(`${RULES}/${trafficId}`).set(admin.auth).expect(200))
        .body;
      expect(read).toMatchObject({ state: 'firing', lastEvaluatedAt: t0.toISOString() });
      expect(read.instances).toEqual([
        expect.objectContaining({ key: '', state: 'firing', firingSince: t0.toISOString() }),
      ]);
      const firingHooks = webhook.received.slice(hooks).filter((hook) => hook.url === '/firing');
      expect(firingHooks.map((hook) => JSON.parse(hook.body).status)).toEqual(['firing']);

      // Five minutes on, the window holds no traffic: it resolves.
      await cycle.evaluate(at(400));
      await cycle.deliver(at(400));
      const resolved = await adminSocket.next(
        RealtimeEvent.AlertResolved,
        (event) => event.payload.alertId === trafficId,
      );
      expect(resolved.payload).toMatchObject({ value: 0, occurredAt: at(400).toISOString() });
      await adminSocket.next(
        RealtimeEvent.AlertStateChanged,
        (event) =>
          event.payload.alertId === trafficId &&
          event.payload.from === 'firing' &&
          event.payload.to === 'normal',
      );
      await adminSocket.next(
        RealtimeEvent.AlertResolved,
        (event) => event.payload.alertId === everythingId,
      );
      const entries = (await history({ ruleId: trafficId })).items;
      [firedEntry] = entries.filter((entry) => entry.toState === 'firing');
      expect(firedEntry.id).toBe(fired.payload.historyId);
      expect(entries.map((entry) => entry.id)).toContain(resolved.payload.historyId);

      // The user's socket is live (it hears of its own transaction, sent after the alerts), and
      // heard nothing of alerts.
      const own = await testApp.http
        .post('/api/v1/transactions')
        .set(user.auth)
        .send({
          amountCents: 1250,
          currency: 'EUR',
          type: 'expense',
          description: 'Marker',
          occurredOn: new Date().toISOString().slice(0, 10),
        })
        .expect(201);
      await userSocket.next(
        RealtimeEvent.TransactionCreated,
        (event) => event.payload.transactionId === own.body.id,
      );
      expect(userSocket.received.map((event) => event.type)).toEqual(['transaction.created']);
      expect(userSocket.of(RealtimeEvent.AlertFired)).toEqual([]);
      expect(userSocket.of(RealtimeEvent.AlertResolved)).toEqual([]);
      expect(userSocket.of(RealtimeEvent.AlertStateChanged)).toEqual([]);
      expect(adminSocket.of(RealtimeEvent.AlertFired)).toHaveLength(2);
    });

    it('lists the history by rule, state and time, page by page', async () => {
      const mine = await history({ ruleId: trafficId });
      expect(mine.total).toBe(2);
      expect(mine.items.map((entry) => [entry.fromState, entry.toState, entry.occurredAt])).toEqual(
        [
          ['firing', 'normal', at(400).toISOString()],
          ['normal', 'firing', t0.toISOString()],
        ],
      );
      expect(mine.items[0]).toMatchObject({ ruleName: 'Categories listed', value: 0 });

      const firing = await history({ state: 'firing' });
      expect(firing.items.map((entry) => entry.ruleId).sort()).toEqual(
        [trafficId, everythingId].sort(),
      );
      const later = await history({ from: at(1).toISOString() });
      expect(later.items.map((entry) => entry.toState)).toEqual(['normal', 'normal']);
      const earlier = await history({ to: at(1).toISOString() });
      expect(earlier.items.map((entry) => entry.toState)).toEqual(['firing', 'firing']);
      const between = await history({ from: t0.toISOString(), to: at(400).toISOString() });
      expect(between.total).toBe(2);

      const all = await history();
      expect(all.total).toBe(4);
      const pages = await Promise.all([1, 2, 3, 4].map((page) => history({ limit: 1, page })));
      for (const [index, page] of pages.entries()) {
        expect(page).toMatchObject({ total: 4, page: index + 1, limit: 1 });
        expect(page.items).toEqual([all.items[index]]);
      }
      expect((await history({ limit: 1, page: 5 })).items).toEqual([]);
      await testApp.http
        .get(`${RULES}/history`)
        .query({ state: 'burning' })
        .set(admin.auth)
        .expect(400);
      await testApp.http.get(`${RULES}/history`).query({ ruleId: 'x' }).set(admin.auth).expect(400);
    });

    it('lists the deliveries that reported a history entry', async () => {
      const reported = (
        await testApp.http
          .get(`${RULES}/history/${firedEntry.id}/deliveries`)
          .set(admin.auth)
          .expect(200)
      ).body;
      expect(reported.total).toBe(1);
      expect(reported.items).toEqual([
        expect.objectContaining({
          ruleId: trafficId,
          contactPointType: 'webhook',
          recipient: webhook.url,
          kind: 'firing',
          status: 'sent',
          historyIds: [firedEntry.id],
        }),
      ]);
      // The other rule notifies no one: its firing was only recorded.
      const [quiet] = (await history({ ruleId: everythingId, state: 'firing' })).items;
      const none = await testApp.http
        .get(`${RULES}/history/${quiet.id}/deliveries`)
        .set(admin.auth)
        .expect(200);
      expect(none.body).toMatchObject({ items: [], total: 0 });

      await testApp.http.get(`${RULES}/history/999999999/deliveries`).set(admin.auth).expect(404);
      await testApp.http.get(`${RULES}/history/abc/deliveries`).set(admin.auth).expect(400);
    });

    afterAll(async () => {
      for (const id of [trafficId, everythingId]) if (id) await remove(id);
    });
  });

  describe('measured values and series', () => {
    const MINUTE = 60_000;
    const HOUR = 60 * MINUTE;
    let now: number;
    const ids: Record<'highest' | 'lowest' | 'total' | 'latency', string> = {
      highest: '',
      lowest: '',
      total: '',
      latency: '',
    };
    /** Fatal exceptions over 30 minutes: only this block's, every other exception is an error. */
    const fatalExceptions = (name: string, extra: object = {}) =>
      validRule(name, {
        metricType: 'exception_count',
        filters: { level: 'fatal' },
        windowSeconds: 1800,
        threshold: 3,
        ...extra,
      });
    const rule = async (id: string) =>
      (await testApp.http.get(`${RULES}/${id}`).set(admin.auth).expect(200)).body;
    const values = (points: { value: number | null }[]) => points.map((point) => point.value);

    beforeAll(async () => {
      now = Date.now();
      const capture = testApp.app.get(ExceptionCapture);
      const occur = (source: 'backend' | 'frontend', minutesAgo: number, times: number) => {
        for (let i = 0; i < times; i += 1) {
          capture.capture({
            source,
            level: 'fatal',
            origin: 'test',
            type: 'SeriesError',
            message: `series ${source} ${i}`,
            occurredAt: new Date(now - minutesAgo * MINUTE),
          });
        }
      };
      // 5 minutes ago: backend 4, frontend 1. 2 h 10 min ago: backend 2, frontend 6.
      occur('backend', 5, 4);
      occur('frontend', 5, 1);
      occur('backend', 130, 2);
      occur('frontend', 130, 6);
      await eventually(async () => {
        const [{ n }] = await sql(
          `SELECT coalesce(sum(c.count), 0)::int AS n FROM exception_counts c
           JOIN exception_groups g ON g.id = c.group_id WHERE g.level = 'fatal'`,
        );
        expect(n).toBe(13);
      });
      ids.highest = (
        await create(fatalExceptions('Fatal by source, most', { groupBy: 'source' }))
      ).id;
      ids.lowest = (
        await create(
          fatalExceptions('Fatal by source, least', { groupBy: 'source', operator: '<' }),
        )
      ).id;
      ids.total = (await create(fatalExceptions('Fatal in all'))).id;
      // No one asks for budgets here: no data.
      ids.latency = (
        await create(validRule('Budgets latency', { filters: { route: '/api/v1/budgets' } }))
      ).id;
    });

    afterAll(async () => {
      for (const id of Object.values(ids)) if (id) await remove(id);
    });

    it('shows each rule’s worst instance value from its last evaluation', async () => {
      // Never evaluated: no value.
      for (const id of Object.values(ids)) expect((await rule(id)).value).toBeNull();

      await testApp.app.get(AlertCycle).evaluate(new Date());

      const highest = await rule(ids.highest);
      expect(
        highest.instances.map((i: { key: string; value: number }) => [i.key, i.value]),
      ).toEqual([
        ['backend', 4],
        ['frontend', 1],
      ]);
      // `>` is worst at the greatest, `<` at the least.
      expect(highest.value).toBe(4);
      expect((await rule(ids.lowest)).value).toBe(1);
      expect((await rule(ids.total)).value).toBe(5);
      const latency = await rule(ids.latency);
      expect(latency.lastEvaluatedAt).not.toBeNull();
      expect(latency.value).toBeNull();

      const list = (await testApp.http.get(RULES).set(admin.auth).expect(200)).body;
      const listed = (id: string) => list.find((each: { id: string }) => each.id === id).value;
      expect([ids.highest, ids.lowest, ids.total, ids.latency].map(listed)).toEqual([
        4,
        1,
        5,
        null,
      ]);
    });

    it('measures every rule at even instants up to now, each over its own window', async () => {
      const response = await testApp.http
        .get(`${RULES}/series`)
        .query({ hours: 6, points: 6 })
        .set(admin.auth)
        .expect(200);
      const { from, to, stepSeconds, rules } = response.body;
      expect(stepSeconds).toBe(3600);
      expect(Date.parse(to) - Date.parse(from)).toBe(6 * HOUR);
      expect(Date.parse(to)).toBeGreaterThanOrEqual(now);
      const listed = (await testApp.http.get(RULES).set(admin.auth).expect(200)).body;
      expect(rules.map((each: { ruleId: string }) => each.ruleId)).toEqual(
        listed.map((each: { id: string }) => each.id),
      );
      const series = (id: string) => rules.find((each: { ruleId: string }) => each.ruleId === id);
      const points = series(ids.total).points;
      expect(points.map((point: { at: string }) => Date.parse(point.at))).toEqual(
        [5, 4, 3, 2, 1, 0].map((hours) => Date.parse(to) - hours * HOUR),
      );
      // The points 2 h ago and now hold the occurrences; grouped rules have no instance between.
      expect(values(series(ids.total).points)).toEqual([0, 0, 0, 8, 0, 5]);
      expect(values(series(ids.highest).points)).toEqual([null, null, null, 6, null, 4]);
      expect(values(series(ids.lowest).points)).toEqual([null, null, null, 2, null, 1]);
      expect(values(series(ids.latency).points)).toEqual(Array(6).fill(null));

      // Defaults: the last 6 hours in 24 points.
      const byDefault = (await testApp.http.get(`${RULES}/series`).set(admin.auth).expect(200))
        .body;
      expect(byDefault.stepSeconds).toBe(900);
      expect(byDefault.rules).toHaveLength(listed.length);
      for (const each of byDefault.rules) expect(each.points).toHaveLength(24);
    });

    it('previews a draft and a saved rule with their series', async () => {
      const draft = (
        await testApp.http
          .post(`${RULES}/preview`)
          .set(admin.auth)
          .send(fatalExceptions('Draft fatal'))
          .expect(200)
      ).body;
      expect(draft.series).toHaveLength(24);
      expect(Date.parse(draft.series[23].at)).toBe(Date.parse(draft.evaluatedAt));
      expect(Date.parse(draft.evaluatedAt) - Date.parse(draft.series[0].at)).toBe(23 * 15 * MINUTE);
      // Every 15 minutes over 30-minute windows: 2 h 10 min ago is in the points 2 h and
      // 1 h 45 min ago; 5 minutes ago only in now's.
      const expected = Array<number>(24).fill(0);
      expected[15] = 8;
      expected[16] = 8;
      expected[23] = 5;
      expect(values(draft.series)).toEqual(expected);
      expect(draft.instances[0].value).toBe(5);

      const saved = (
        await testApp.http
          .post(`${RULES}/${ids.highest}/preview`)
          .query({ hours: 1 })
          .set(admin.auth)
          .expect(200)
      ).body;
      expect(saved.series).toHaveLength(24);
      expect(Date.parse(saved.evaluatedAt) - Date.parse(saved.series[0].at)).toBe(23 * 150 * 1000);
      expect(saved.series[0].value).toBeNull();
      expect(saved.series[23].value).toBe(4);
    });

    it('refuses bad hours and points with a message for each', async () => {
      const refused = async (path: string, query: object, method: 'get' | 'post' = 'get') => {
        const call = testApp.http[method](path).query(query).set(admin.auth);
        const response = await (method === 'post' ? call.send(fatalExceptions('Draft')) : call);
        expect(response.status).toBe(400);
        return response.body.details;
      };
      const series = `${RULES}/series`;
      expect(await refused(series, { hours: 0 })).toEqual({
        hours: ['hours must not be less than 1'],
      });
      expect(await refused(series, { hours: 169, points: 1 })).toEqual({
        hours: ['hours must not be greater than 168'],
        points: ['points must not be less than 2'],
      });
      expect(await refused(series, { points: 121 })).toEqual({
        points: ['points must not be greater than 120'],
      });
      expect(await refused(series, { hours: 1.5, points: 'many' })).toEqual({
        hours: ['hours must be an integer number'],
        points: expect.arrayContaining(['points must be an integer number']),
      });
      expect(Object.keys(await refused(`${RULES}/preview`, { hours: 200 }, 'post'))).toEqual([
        'hours',
      ]);
      expect(
        Object.keys(await refused(`${RULES}/${ids.total}/preview`, { hours: 0 }, 'post')),
      ).toEqual(['hours']);
      // Only the draft and saved previews take `hours`; points stay 24 there.
      expect(
        Object.keys(await refused(`${RULES}/${ids.total}/preview`, { points: 10 }, 'post')),
      ).toEqual(['points']);
    });
  });

  it('exports the enabled rules PromQL can express as a Prometheus rule file', async () => {
    const latency = await create(
      validRule('Slow categories list', {
        filters: { route: ROUTE, method: 'GET' },
        pendingSeconds: 120,
        annotations: { summary: 'Listing categories is slow' },
      }),
    );
    const logs = await create(
      validRule('Many timeouts logged', {
        metricType: 'log_count',
        filters: { text: 'timeout' },
        threshold: 10,
      }),
    );
    await create(validRule('Disabled latency rule', { enabled: false }));

    const response = await testApp.http
      .get(`${RULES}/prometheus-rules`)
      .set(admin.auth)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/yaml/);
    const file = parse(response.text);
    const rules = file.groups.flatMap((group: { rules: object[] }) => group.rules);
    expect(rules).toHaveLength(1);
    expect(file.groups[0]).toMatchObject({ name: 'ledgerlens-1m', interval: '1m' });
    const [exported] = rules;
    expect(exported).toMatchObject({
      alert: 'SlowCategoriesList',
      for: '2m',
      labels: { severity: 'warning', ledgerlens_rule_id: latency.id },
      annotations: { summary: 'Listing categories is slow' },
    });
    expect(exported.expr).toContain('http_request_duration_seconds');
    expect(exported.expr).toContain(`route="${ROUTE}"`);
    expect(exported.expr).toMatch(/> 200$/);

    const header = parseDocument(response.text).commentBefore ?? '';
    expect(header).toContain(`Many timeouts logged (${logs.id}): log_count`);
    expect(response.text).not.toContain('Disabled latency rule');
  });
});
