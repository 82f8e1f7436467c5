import { randomUUID } from 'node:crypto';
import { ExceptionCapture } from '../src/modules/exceptions/capture/exception-capture';
import { ExceptionGroupDto } from '../src/modules/exceptions/dto/exception-group.dto';
import { eventually } from './support/eventually';
import {
  collectExceptionEvents,
  EXCEPTIONS,
  groupsTitled,
  groupWithCount,
  storedOccurrences,
} from './support/exception-groups';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

const SAMPLE_TITLE =
  'SampleException: Sample exception <uuid> raised at <date> to test exception tracking';

describe('exception tracking (API)', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let events: ReturnType<typeof collectExceptionEvents>;
  let sample: ExceptionGroupDto;

  const throwSample = (traceId: string) =>
    testApp.http.post(`${EXCEPTIONS}/test`).set(admin.auth).set('X-Trace-Id', traceId).expect(500);

  /** An error thrown from a function of its own, so its stack names a call site of its own. */
  function thrownAt(site: string, message: string): Error {
    const make: Record<string, () => Error> = {
      checkoutStep: () => new TypeError(message),
      budgetStep: () => new TypeError(message),
    };
    return make[site]();
  }

  beforeAll(async () => {
    testApp = await createTestApp({ ...ADMIN_ENV, EXCEPTION_RETENTION_DAYS: '30' });
    admin = await signInAdmin(testApp);
    events = collectExceptionEvents(testApp);
  });
  afterAll(() => testApp.close());

  it('groups ten calls of the test endpoint into one group of ten, with their ten trace IDs', async () => {
    const traceIds = Array.from({ length: 10 }, (_, index) => `sample-${index}-${randomUUID()}`);
    for (const traceId of traceIds) {
      const response = await throwSample(traceId);
      expect(response.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Internal server error',
        traceId,
      });
    }
    [sample] = await groupsTitled(testApp, admin, 'Sample exception');
    sample = await groupWithCount(testApp, admin, sample.id, 10);
    expect(sample).toMatchObject({
      title: SAMPLE_TITLE,
      type: 'SampleException',
      source: 'backend',
      level: 'error',
      status: 'unresolved',
      regressed: false,
      count: 10,
      affectedUsers: 1,
    });
    expect(sample.culprit).toMatch(
      /^ExceptionsController\.test \(apps\/api\/src\/modules\/exceptions\/exceptions\.controller\.ts\)$/,
    );

    const stored = await storedOccurrences(testApp, sample.id);
    expect(stored).toHaveLength(10);
    expect(new Set(stored.map((row) => row.traceId))).toEqual(new Set(traceIds));
    expect(stored[0]).toMatchObject({
      source: 'backend',
      type: 'SampleException',
      requestMethod: 'POST',
      requestPath: `${EXCEPTIONS}/test`,
      userId: admin.id,
      context: { origin: 'http', statusCode: 500 },
    });
    expect(stored[0].message).toMatch(/^Sample exception [0-9a-f-]{36} raised at \d{4}-/);
    expect(stored[0].stack).toContain('exceptions.controller.ts');
    expect(events.new.filter((event) => event.groupId === sample.id)).toEqual([
      expect.objectContaining({
        groupId: sample.id,
        title: SAMPLE_TITLE,
        type: 'SampleException',
        source: 'backend',
        traceId: expect.stringMatching(/^sample-/),
      }),
    ]);
  });

  it('shows a group with its latest occurrence, recent occurrences and hourly counts', async () => {
    const response = await testApp.http
      .get(`${EXCEPTIONS}/${sample.id}`)
      .query({ recent: 3 })
      .set(admin.auth)
      .expect(200);
    const detail = response.body;
    expect(detail.group.id).toBe(sample.id);
    expect(detail.recentOccurrences).toHaveLength(3);
    expect(detail.recentOccurrences[0]).not.toHaveProperty('stack');
    expect(detail.latestOccurrence).toMatchObject({
      id: detail.recentOccurrences[0].id,
      traceId: detail.recentOccurrences[0].traceId,
      stack: expect.stringContaining('SampleException: Sample exception'),
      context: { origin: 'http' },
    });
    expect(detail.storedOccurrences).toBe(10);
    expect(detail.hourly.buckets.length).toBeGreaterThanOrEqual(24);
    expect(detail.hourly.total).toBe(10);
    expect(
      detail.hourly.buckets.reduce((sum: number, b: { count: number }) => sum + b.count, 0),
    ).toBe(10);
  });

  it('records resolve, ignore and unresolve in the action log', async () => {
    const resolved = await testApp.http
      .put(`${EXCEPTIONS}/${sample.id}/resolve`)
      .set(admin.auth)
      .send({ notes: '  Fixed in 1.2.3  ' })
      .expect(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolutionNotes: 'Fixed in 1.2.3',
      resolvedBy: admin.id,
      resolvedAt: expect.any(String),
    });
    await testApp.http
      .put(`${EXCEPTIONS}/${sample.id}/ignore`)
      .set(admin.auth)
      .send({ untilCount: 1000 })
      .expect(200);
    await testApp.http.put(`${EXCEPTIONS}/${sample.id}/unresolve`).set(admin.auth).expect(200);
    const actions = await eventually(async () => {
      const rows: { action: string; category: string; resourceType: string; result: string }[] =
        await testApp.dataSource.query(
          `SELECT action, category, resource_type AS "resourceType", result FROM audit_events
           WHERE resource_id = $1 ORDER BY occurred_at, id`,
          [sample.id],
        );
      expect(rows).toHaveLength(3);
      return rows;
    });
    expect(actions).toEqual([
      {
        action: 'exception.resolve',
        category: 'admin',
        resourceType: 'exception_group',
        result: 'success',
      },
      {
        action: 'exception.ignore',
        category: 'admin',
        resourceType: 'exception_group',
        result: 'success',
      },
      {
        action: 'exception.unresolve',
        category: 'admin',
        resourceType: 'exception_group',
        result: 'success',
      },
    ]);
  });

  it('reopens a resolved group that fails again as regressed, announcing it once', async () => {
    await testApp.http
      .put(`${EXCEPTIONS}/${sample.id}/resolve`)
      .set(admin.auth)
      .send({ notes: 'Fixed' })
      .expect(200);
    const before = events.regressed.length;
    // Concurrent failures: one regression, one event, whatever the batching.
    await Promise.all(Array.from({ length: 8 }, () => throwSample(`again-${randomUUID()}`)));
    const regressed = await groupWithCount(testApp, admin, sample.id, 18);
    expect(regressed).toMatchObject({
      status: 'unresolved',
      regressed: true,
      regressedAt: expect.any(String),
      resolutionNotes: 'Fixed',
    });
    expect(new Date(regressed.regressedAt as string).getTime()).toBeGreaterThan(
      new Date(regressed.resolvedAt as string).getTime(),
    );
    await eventually(async () => expect(events.regressed.length).toBe(before + 1));
    expect(events.regressed[before]).toMatchObject({
      groupId: sample.id,
      regressedAt: regressed.regressedAt,
      traceId: expect.stringMatching(/^again-/),
    });
    // Resolving again clears the mark; unresolving an unresolved group keeps it.
    const resolvedAgain = await testApp.http
      .put(`${EXCEPTIONS}/${sample.id}/resolve`)
      .set(admin.auth)
      .expect(200);
    expect(resolvedAgain.body).toMatchObject({
      status: 'resolved',
      regressed: false,
      resolutionNotes: null,
    });
  });

  it('keeps counting an ignored group and reopens it after N more occurrences (not as regressed)', async () => {
    const ignored = await testApp.http
      .put(`${EXCEPTIONS}/${sample.id}/ignore`)
      .set(admin.auth)
      .send({ untilCount: 3 })
      .expect(200);
    expect(ignored.body).toMatchObject({
      status: 'ignored',
      ignoreUntilCount: 3,
      ignoreRemaining: 3,
      ignoredUntil: null,
    });
    await throwSample(`ignored-${randomUUID()}`);
    await throwSample(`ignored-${randomUUID()}`);
    const still = await groupWithCount(testApp, admin, sample.id, 20);
    expect(still).toMatchObject({ status: 'ignored', ignoreRemaining: 1 });
    await throwSample(`ignored-${randomUUID()}`);
    const reopened = await groupWithCount(testApp, admin, sample.id, 21);
    expect(reopened).toMatchObject({
      status: 'unresolved',
      regressed: false,
      ignoreUntilCount: null,
      ignoreRemaining: null,
    });
  });

  it('reopens a group ignored until a time once that time has passed', async () => {
    const until = new Date(Date.now() + 3000).toISOString();
    const ignored = await testApp.http
      .put(`${EXCEPTIONS}/${sample.id}/ignore`)
      .set(admin.auth)
      .send({ until })
      .expect(200);
    expect(ignored.body).toMatchObject({ status: 'ignored', ignoredUntil: until });
    await new Promise((resolve) =>
      setTimeout(resolve, new Date(until).getTime() - Date.now() + 100),
    );
    const listed = await testApp.http
      .get(EXCEPTIONS)
      .query({ status: 'unresolved', q: 'Sample exception' })
      .set(admin.auth)
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: sample.id, status: 'unresolved', ignoredUntil: null }),
    ]);
  });

  it('refuses bad status changes with field messages, unknown groups with 404', async () => {
    const past = await testApp.http
      .put(`${EXCEPTIONS}/${sample.id}/ignore`)
      .set(admin.auth)
      .send({ until: '2020-01-01T00:00:00Z' })
      .expect(400);
    expect(past.body.details).toEqual({ until: ['until must be in the future'] });
    const bad = await testApp.http
      .put(`${EXCEPTIONS}/${sample.id}/ignore`)
      .set(admin.auth)
      .send({ untilCount: 0, until: 'soon', extra: 1 })
      .expect(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['extra', 'until', 'untilCount']);
    const notes = await testApp.http
      .put(`${EXCEPTIONS}/${sample.id}/resolve`)
      .set(admin.auth)
      .send({ notes: 'x'.repeat(2001) })
      .expect(400);
    expect(notes.body.details.notes).toEqual([
      'notes must be shorter than or equal to 2000 characters',
    ]);

    const unknown = randomUUID();
    const missing = await testApp.http.get(`${EXCEPTIONS}/${unknown}`).set(admin.auth).expect(404);
    expect(missing.body).toMatchObject({
      statusCode: 404,
      message: `Exception group ${unknown} not found`,
      traceId: expect.any(String),
    });
    await testApp.http.put(`${EXCEPTIONS}/${unknown}/resolve`).set(admin.auth).expect(404);
    const malformed = await testApp.http
      .get(`${EXCEPTIONS}/not-a-uuid`)
      .set(admin.auth)
      .expect(400);
    expect(malformed.body).toMatchObject({
      message: 'Validation failed',
      details: { id: ['id must be a UUID'] },
    });
    const badQuery = await testApp.http
      .get(EXCEPTIONS)
      .query({ sort: 'name', status: 'open', source: 'mobile', limit: 500 })
      .set(admin.auth)
      .expect(400);
    expect(Object.keys(badQuery.body.details).sort()).toEqual([
      'limit',
      'sort',
      'source',
      'status',
    ]);
  });

  it('lets only admins in', async () => {
    const user = await registerUser(testApp, 'not-admin');
    for (const request of [
      testApp.http.get(EXCEPTIONS),
      testApp.http.get(`${EXCEPTIONS}/patterns`),
      testApp.http.get(`${EXCEPTIONS}/${sample.id}`),
      testApp.http.put(`${EXCEPTIONS}/${sample.id}/resolve`),
      testApp.http.post(`${EXCEPTIONS}/test`),
    ]) {
      const response = await request.set(user.auth).expect(403);
      expect(response.body.statusCode).toBe(403);
    }
    await testApp.http.get(EXCEPTIONS).expect(401);
  });

  it('does not capture 4xx answers', async () => {
    const user = await registerUser(testApp, 'client-errors');
    await testApp.http.get('/api/v1/transactions/not-a-uuid').set(user.auth).expect(400);
    await testApp.http.get(`/api/v1/transactions/${randomUUID()}`).set(user.auth).expect(404);
    await testApp.http.get('/api/v1/nothing-here').expect(404);
    await testApp.http.get(EXCEPTIONS).set(user.auth).expect(403);
    await testApp.http
      .post('/api/v1/auth/login')
      .send({ email: 'x@example.com', password: 'wrong-password' })
      .expect(401);
    // Occurrences are stored in order: once this one is there, any earlier one would be too.
    const marker = `marker-${randomUUID()}`;
    await throwSample(marker);
    await eventually(async () => {
      const rows = await testApp.dataSource.query(
        `SELECT 1 FROM app_exceptions WHERE trace_id = $1`,
        [marker],
      );
      expect(rows).toHaveLength(1);
    });
    const types = await testApp.dataSource.query(`SELECT DISTINCT type FROM exception_groups`);
    expect(types.map((row: { type: string }) => row.type)).toEqual(['SampleException']);
  });

  it('redacts secrets in stored messages, stacks, paths and context', async () => {
    const capture = testApp.app.get(ExceptionCapture);
    capture.capture({
      error: new Error(
        'Login for bob failed: password=hunter2 token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl card 4111 1111 1111 1111',
      ),
      origin: 'test',
      request: { method: 'GET', path: '/api/v1/things?access_token=supersecret1&page=2' },
      context: { apiKey: 'sk_live_abc123', nested: { password: 'hunter2', safe: 'kept' } },
    });
    const traceId = `secret-path-${randomUUID()}`;
    await testApp.http
      .post(`${EXCEPTIONS}/test?token=supersecret2&keep=1`)
      .set(admin.auth)
      .set('X-Trace-Id', traceId)
      .expect(500);
    const [group] = await groupsTitled(testApp, admin, 'Login for bob failed');
    const [occurrence] = await storedOccurrences(testApp, group.id);
    const text = JSON.stringify({ group, occurrence });
    for (const secret of [
      'hunter2',
      'eyJhbGciOiJIUzI1NiJ9',
      '4111 1111', // the card's digits (a bare '4111' can occur in a random UUID)
      'supersecret1',
      'sk_live_abc123',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(occurrence.stack).toContain('[REDACTED');
    expect(occurrence.requestPath).toContain('page=2');
    expect(occurrence.context).toMatchObject({ origin: 'test', nested: { safe: 'kept' } });
    const [viaHttp] = await eventually(async () => {
      const rows = await testApp.dataSource.query(
        `SELECT request_path AS "requestPath" FROM app_exceptions WHERE trace_id = $1`,
        [traceId],
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(viaHttp.requestPath).not.toContain('supersecret2');
    expect(viaHttp.requestPath).toContain('keep=1');
  });

  it('separates call sites and types, and merges the same error with other IDs', async () => {
    const capture = testApp.app.get(ExceptionCapture);
    // Letters only: a marker with digits would itself be a parameter of the template.
    const marker = randomUUID()
      .replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)])
      .slice(0, 12);
    for (const [site, id] of [
      ['checkoutStep', 1],
      ['checkoutStep', 2],
      ['budgetStep', 3],
    ] as const) {
      capture.capture({
        error: thrownAt(site, `Cart ${marker}x failed for order ${id}`),
        origin: 'test',
      });
    }
    capture.capture({
      error: new RangeError(`Cart ${marker}x failed for order 4`),
      origin: 'test',
    });
    const groups = await groupsTitled(testApp, admin, `Cart ${marker}x failed`, 3);
    const bySite = (site: string) => groups.find((group) => group.culprit?.includes(site));
    expect(bySite('checkoutStep')).toMatchObject({ type: 'TypeError', count: 2 });
    expect(bySite('budgetStep')).toMatchObject({ type: 'TypeError', count: 1 });
    expect(groups.find((group) => group.type === 'RangeError')).toMatchObject({ count: 1 });
  });
});

describe('exception group list', () => {
  let testApp: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    testApp = await createTestApp(ADMIN_ENV);
    admin = await signInAdmin(testApp);
    const capture = testApp.app.get(ExceptionCapture);
    const hourAgo = new Date(Date.now() - 3_600_000);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    // alpha: 3 backend occurrences, now. beta: 1 frontend, an hour ago. gamma: 2 backend, a week ago.
    for (let i = 0; i < 3; i++)
      capture.capture({ error: new Error(`alpha broke ${i}`), origin: 'test' });
    capture.capture({
      source: 'frontend',
      origin: 'browser',
      message: 'TypeError: beta is undefined',
      occurredAt: hourAgo,
    });
    for (let i = 0; i < 2; i++) {
      capture.capture({
        error: new SyntaxError(`gamma parse ${i}`),
        origin: 'test',
        occurredAt: weekAgo,
      });
    }
    await groupsTitled(testApp, admin, '', 3);
  });
  afterAll(() => testApp.close());

  const list = async (query: Record<string, string | number>) =>
    (await testApp.http.get(EXCEPTIONS).query(query).set(admin.auth).expect(200)).body as {
      items: ExceptionGroupDto[];
      total: number;
      page: number;
      limit: number;
    };
  const titles = (page: { items: ExceptionGroupDto[] }) =>
    page.items.map((group) => group.title.split(':')[1].trim().split(' ')[0]);

  it('sorts by last seen (default), first seen or count, either way', async () => {
    expect(titles(await list({}))).toEqual(['alpha', 'beta', 'gamma']);
    expect(titles(await list({ order: 'asc' }))).toEqual(['gamma', 'beta', 'alpha']);
    expect(titles(await list({ sort: 'count' }))).toEqual(['alpha', 'gamma', 'beta']);
    expect(titles(await list({ sort: 'count', order: 'asc' }))).toEqual(['beta', 'gamma', 'alpha']);
    expect(titles(await list({ sort: 'firstSeen' }))).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('filters by source, type, status, text and time range', async () => {
    expect(titles(await list({ source: 'frontend' }))).toEqual(['beta']);
    expect(titles(await list({ type: 'SyntaxError' }))).toEqual(['gamma']);
    expect(titles(await list({ q: 'PARSE' }))).toEqual(['gamma']);
    expect(titles(await list({ q: '100%_' }))).toEqual([]);
    const from = new Date(Date.now() - 2 * 3_600_000).toISOString();
    expect(titles(await list({ from }))).toEqual(['alpha', 'beta']);
    expect(titles(await list({ to: from }))).toEqual(['gamma']);
    const [alpha] = (await list({ q: 'alpha' })).items;
    await testApp.http.put(`${EXCEPTIONS}/${alpha.id}/resolve`).set(admin.auth).expect(200);
    expect(titles(await list({ status: 'resolved' }))).toEqual(['alpha']);
    expect(titles(await list({ status: 'unresolved' }))).toEqual(['beta', 'gamma']);
    await testApp.http.put(`${EXCEPTIONS}/${alpha.id}/unresolve`).set(admin.auth).expect(200);
  });

  it('pages with page and limit, counting every match', async () => {
    const first = await list({ limit: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(titles(first)).toEqual(['alpha', 'beta']);
    const second = await list({ limit: 2, page: 2 });
    expect(second).toMatchObject({ total: 3, page: 2 });
    expect(titles(second)).toEqual(['gamma']);
    expect((await list({ page: 3, limit: 2 })).items).toEqual([]);
  });
});

describe('exception group sparklines', () => {
  const HOUR_MS = 3_600_000;
  let testApp: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    testApp = await createTestApp(ADMIN_ENV);
    admin = await signInAdmin(testApp);
  });
  afterAll(() => testApp.close());

  /** The listed groups whose title contains `text`, and the clock hour they were read in. */
  async function listedWithinOneHour(text: string) {
    for (;;) {
      const hour = Math.floor(Date.now() / HOUR_MS);
      const response = await testApp.http
        .get(EXCEPTIONS)
        .query({ q: text })
        .set(admin.auth)
        .expect(200);
      const groups: ExceptionGroupDto[] = response.body.items;
      if (Math.floor(Date.now() / HOUR_MS) === hour) return { groups, hour };
    }
  }

  it('counts each group by clock hour over the last 24 hours, oldest first, in one list', async () => {
    const capture = testApp.app.get(ExceptionCapture);
    const now = Date.now();
    const occur = (name: string, hoursAgo: number, times = 1) => {
      for (let i = 0; i < times; i++) {
        capture.capture({
          error: new Error(`spark ${name} ${i}`),
          origin: 'test',
          occurredAt: new Date(now - hoursAgo * HOUR_MS),
        });
      }
    };
    occur('busy', 0, 2);
    occur('busy', 1);
    occur('busy', 5, 4);
    occur('busy', 23);
    occur('busy', 24); // the hour before the window
    occur('quiet', 72, 3);
    const [busy] = await groupsTitled(testApp, admin, 'spark busy');
    await groupWithCount(testApp, admin, busy.id, 9);
    await groupsTitled(testApp, admin, 'spark quiet');

    const { groups, hour } = await listedWithinOneHour('spark');
    const byName = (name: string) => groups.find((group) => group.title.includes(name));
    // The last bucket is the hour of now: an occurrence N hours ago lands N buckets earlier.
    const expected = Array<number>(24).fill(0);
    expected[23] = 2;
    expected[22] = 1;
    expected[18] = 4;
    expected[0] = 1;
    // Had the hour turned since the occurrences were made, each would sit one bucket earlier.
    const turned = hour - Math.floor(now / HOUR_MS);
    const shifted = [...expected.slice(turned), ...Array<number>(turned).fill(0)];
    expect(groups).toHaveLength(2);
    expect(byName('busy')?.sparkline).toEqual(shifted);
    expect(byName('quiet')?.sparkline).toEqual(Array(24).fill(0));

    // A single group answers the same sparkline as its list item.
    const detail = await testApp.http
      .get(`${EXCEPTIONS}/${byName('quiet')?.id}`)
      .set(admin.auth)
      .expect(200);
    expect(detail.body.group.sparkline).toEqual(Array(24).fill(0));
  });

  it('lists the sparkline in the OpenAPI document as 24 integers', async () => {
    const response = await testApp.http.get('/api/docs-json').expect(200);
    expect(response.body.components.schemas.ExceptionGroupDto.properties.sparkline).toMatchObject({
      type: 'array',
      items: { type: 'integer' },
      minItems: 24,
      maxItems: 24,
    });
    expect(response.body.components.schemas.ExceptionGroupDto.required).toContain('sparkline');
  });
});
