import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExclusiveJobs } from '../src/common/jobs/exclusive-jobs';
import { QuerySpans } from '../src/modules/telemetry/query-spans';
import { attributeOf, OtlpReceiver } from './support/otlp-receiver';
import { createTestApp, registerUser, TestApp } from './support/test-app';

const VERSION = (
  JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as {
    version: string;
  }
).version;

const PASSWORD = 'correct horse battery';
const SPAN_KIND_INTERNAL = 1;
const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;
const SPAN_STATUS_ERROR = 2;

/** Stored lines at info, and batches sent quickly, so the test does not wait seconds. */
const EXPORT_ENV = {
  LOG_PERSIST_LEVEL: 'info',
  OTEL_BSP_SCHEDULE_DELAY: '50',
  OTEL_BLRP_SCHEDULE_DELAY: '50',
  OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=test',
};

describe('OpenTelemetry export to a local OTLP receiver', () => {
  const receiver = new OtlpReceiver();
  let testApp: TestApp;

  beforeAll(async () => {
    const endpoint = await receiver.start();
    testApp = await createTestApp({ ...EXPORT_ENV, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
  });
  afterAll(async () => {
    await testApp.close();
    await receiver.stop();
  });

  const spansOf = (traceId: string) =>
    receiver.spans.filter(({ span }) => span.traceId === traceId).map(({ span }) => span);
  const logsOf = (traceId: string) =>
    receiver.logs.filter(({ record }) => record.traceId === traceId);

  it('sends a server span per request and a child span per statement, with the X-Trace-Id', async () => {
    const user = await registerUser(testApp, 'otel');
    const response = await testApp.http
      .get('/api/v1/transactions?limit=5')
      .set(user.auth)
      .expect(200);
    const traceId = response.headers['x-trace-id'] as string;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    await receiver.until(() => spansOf(traceId).some((span) => span.kind === SPAN_KIND_SERVER));
    await receiver.until(() => spansOf(traceId).some((span) => span.kind === SPAN_KIND_CLIENT));
    const server = spansOf(traceId).find((span) => span.kind === SPAN_KIND_SERVER);
    expect(server?.name).toBe('GET /api/v1/transactions');
    // The request started the trace: its span is a root.
    expect(server?.parentSpanId || undefined).toBeUndefined();
    expect(attributeOf(server?.attributes, 'http.request.method')).toBe('GET');
    expect(attributeOf(server?.attributes, 'http.route')).toBe('/api/v1/transactions');
    expect(attributeOf(server?.attributes, 'url.path')).toBe('/api/v1/transactions');
    expect(Number(attributeOf(server?.attributes, 'http.response.status_code'))).toBe(200);

    const queries = spansOf(traceId).filter((span) => span.kind === SPAN_KIND_CLIENT);
    for (const query of queries) {
      expect(query.parentSpanId).toBe(server?.spanId);
      expect(attributeOf(query.attributes, 'db.system')).toBe('postgresql');
      expect(attributeOf(query.attributes, 'db.statement')).toEqual(expect.any(String));
    }
    expect(
      queries.some((query) =>
        /transactions/.test(String(attributeOf(query.attributes, 'db.statement'))),
      ),
    ).toBe(true);
  });

  it('continues the caller’s trace: same trace ID, the caller’s span as parent', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentId = '00f067aa0ba902b7';
    const response = await testApp.http
      .get('/api/v1/categories')
      .set('traceparent', `00-${traceId}-${parentId}-01`)
      .expect(401);
    expect(response.headers['x-trace-id']).toBe(traceId);
    await receiver.until(() => spansOf(traceId).some((span) => span.kind === SPAN_KIND_SERVER));
    const server = spansOf(traceId).find((span) => span.kind === SPAN_KIND_SERVER);
    expect(server?.parentSpanId).toBe(parentId);
    expect(Number(attributeOf(server?.attributes, 'http.response.status_code'))).toBe(401);
  });

  it('sends the stored log lines with trace and span IDs, severity and the resource', async () => {
    const ok = await testApp.http.get('/api/v1/auth/me').expect(401);
    const traceId = ok.headers['x-trace-id'] as string;
    await receiver.until(() => logsOf(traceId).length > 0);
    await receiver.until(() => spansOf(traceId).length > 0);
    const [{ resource, record }] = logsOf(traceId);
    const server = spansOf(traceId).find((span) => span.kind === SPAN_KIND_SERVER);

    expect(record.spanId).toBe(server?.spanId);
    // Sampled, as its span was (the request started the trace).
    expect(record.flags).toBe(1);
    // A 4xx answer is logged at warn: OTel's WARN is 13.
    expect(record).toMatchObject({
      severityNumber: 13,
      severityText: 'WARN',
      body: { stringValue: 'request completed' },
    });
    expect(attributeOf(record.attributes, 'http.request.method')).toBe('GET');
    expect(attributeOf(record.attributes, 'url.path')).toBe('/api/v1/auth/me');
    expect(Number(attributeOf(record.attributes, 'http.response.status_code'))).toBe(401);

    expect(attributeOf(resource, 'service.name')).toBe('ledgerlens-api');
    expect(attributeOf(resource, 'service.version')).toBe(VERSION);
    expect(attributeOf(resource, 'service.instance.id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(attributeOf(resource, 'deployment.environment.name')).toBe('test');
  });

  it('gives info lines severity 9 and the caller’s user ID', async () => {
    const user = await registerUser(testApp, 'severity');
    const response = await testApp.http.get('/api/v1/categories').set(user.auth).expect(200);
    const traceId = response.headers['x-trace-id'] as string;
    await receiver.until(() => logsOf(traceId).some(({ record }) => record.severityNumber === 9));
    const line = logsOf(traceId).find(({ record }) => record.severityNumber === 9);
    expect(line?.record.severityText).toBe('INFO');
    expect(attributeOf(line?.record.attributes, 'user.id')).toBe(user.id);
  });

  it('never exports what storage would not store: no password, no token', async () => {
    const user = await registerUser(testApp, 'secret');
    await testApp.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: PASSWORD })
      .expect(200);
    await testApp.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'wrong-password-123' })
      .expect(401);
    await receiver.until(() => receiver.logs.length > 0 && receiver.spans.length > 0);
    await new Promise((done) => setTimeout(done, 300));
    const everything = receiver.bodies.map((body) => body.text).join('\n');
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain('wrong-password-123');
    expect(everything).not.toContain(user.token);
    expect(everything).not.toContain(user.refreshToken);
    // Statements are exported without their parameters: no password hash either.
    expect(everything).not.toMatch(/\$2[aby]\$\d\d\$/);
  });

  it('sends the browser lines once stored, redacted, with their trace ID as an attribute', async () => {
    const clientId = randomUUID();
    await testApp.http
      .post('/api/v1/logging/logs/batch')
      .send({
        entries: [
          {
            clientId,
            timestamp: new Date().toISOString(),
            level: 'error',
            message: 'Failed to load budgets',
            module: 'BudgetsPage',
            sessionId: 'session-otel',
            url: 'http://localhost:3000/budgets',
            traceId: 'browser-trace-1',
            context: { password: 'browser-secret-value' },
          },
        ],
      })
      .expect(200);
    const browserLine = () =>
      receiver.logs.find(({ record }) => record.body?.stringValue === 'Failed to load budgets');
    await receiver.until(() => browserLine() !== undefined);
    const line = browserLine();
    expect(line?.record).toMatchObject({ severityNumber: 17, severityText: 'ERROR' });
    expect(attributeOf(line?.record.attributes, 'ledgerlens.source')).toBe('frontend');
    expect(attributeOf(line?.record.attributes, 'ledgerlens.module')).toBe('BudgetsPage');
    expect(attributeOf(line?.record.attributes, 'ledgerlens.trace_id')).toBe('browser-trace-1');
    expect(receiver.bodies.map((body) => body.text).join('\n')).not.toContain(
      'browser-secret-value',
    );
  });

  it('sends a span per job run with its outcome and period', async () => {
    const jobs = testApp.app.get(ExclusiveJobs);
    const name = `otel-job-${randomUUID()}`;
    const period = new Date('2026-01-01T10:00:00.000Z');
    let started: () => void = () => undefined;
    let release: () => void = () => undefined;
    const running = new Promise<void>((done) => (started = done));
    const held = new Promise<void>((done) => (release = done));
    const first = jobs.run(
      name,
      () => {
        started();
        return held;
      },
      period,
    );
    await running;
    // The same job while the first holds its lock; then the same period again; then a failure.
    expect(await jobs.run(name, async () => undefined)).toBe('busy');
    release();
    expect(await first).toBe('succeeded');
    expect(await jobs.run(name, async () => undefined, period)).toBe('claimed');
    const failing = () => Promise.reject(new Error('the job broke'));
    expect(await jobs.run(name, failing)).toBe('failed');

    const jobSpans = () =>
      receiver.spans.map(({ span }) => span).filter((span) => span.name === `job ${name}`);
    await receiver.until(() => jobSpans().length === 4);
    const outcomes = jobSpans().map((span) => ({
      outcome: attributeOf(span.attributes, 'ledgerlens.job.outcome'),
      period: attributeOf(span.attributes, 'ledgerlens.job.period'),
      error: span.status?.code === SPAN_STATUS_ERROR,
      kind: span.kind,
    }));
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { outcome: 'busy', period: undefined, error: false, kind: SPAN_KIND_INTERNAL },
        {
          outcome: 'succeeded',
          period: period.toISOString(),
          error: false,
          kind: SPAN_KIND_INTERNAL,
        },
        {
          outcome: 'claimed',
          period: period.toISOString(),
          error: false,
          kind: SPAN_KIND_INTERNAL,
        },
        { outcome: 'failed', period: undefined, error: true, kind: SPAN_KIND_INTERNAL },
      ]),
    );
    expect(outcomes).toHaveLength(4);
  });

  it('sends OTLP JSON to /v1/logs and /v1/traces', () => {
    const paths = new Set(receiver.bodies.map((body) => body.path));
    expect(paths).toEqual(new Set(['/v1/logs', '/v1/traces']));
    for (const body of receiver.bodies) expect(body.contentType).toMatch(/application\/json/);
  });
});

describe('OpenTelemetry export with the collector gone', () => {
  it('neither breaks requests nor holds the shutdown for more than a few seconds', async () => {
    const gone = new OtlpReceiver();
    const endpoint = await gone.start();
    await gone.stop();
    // Short export timeouts: the exporter's retries of the last batch end soon after the test.
    const testApp = await createTestApp({
      ...EXPORT_ENV,
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_TIMEOUT: '500',
    });
    try {
      await registerUser(testApp, 'nocollector');
      await testApp.http.get('/api/v1/auth/me').expect(401);
      await new Promise((done) => setTimeout(done, 200));
    } finally {
      const startedAt = Date.now();
      await testApp.close();
      expect(Date.now() - startedAt).toBeLessThan(5000);
    }
  });
});

describe('OpenTelemetry export off', () => {
  const receiver = new OtlpReceiver();
  let endpoint: string;

  beforeAll(async () => {
    endpoint = await receiver.start();
  });
  afterAll(() => receiver.stop());

  it.each([
    ['without an endpoint', {}],
    ['with OTEL_SDK_DISABLED=true', { OTEL_SDK_DISABLED: 'true' }],
  ])('starts nothing and sends nothing %s', async (_case, env: Record<string, string>) => {
    const testApp = await createTestApp({
      ...EXPORT_ENV,
      ...env,
      ...('OTEL_SDK_DISABLED' in env && { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }),
    });
    try {
      // No SDK, no query hook (nor a middleware or log listener: the module is empty).
      expect(testApp.dataSource.subscribers.some((s) => s instanceof QuerySpans)).toBe(false);
      await registerUser(testApp, 'quiet');
      await testApp.http.get('/api/v1/auth/me').expect(401);
      await new Promise((done) => setTimeout(done, 300));
    } finally {
      await testApp.close();
    }
    expect(receiver.bodies).toEqual([]);
  });
});
