import { randomUUID } from 'node:crypto';
import { silenceMatches } from '../src/modules/alerts/silences/silence-matcher';
import { SilencesService } from '../src/modules/alerts/silences/silences.service';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

const SILENCES = '/api/v1/monitoring/alerts/silences';
const HOUR = 3_600_000;

interface SilenceBody {
  id: string;
  ruleId: string | null;
  matchers: { label: string; operator: string; value: string }[];
  startsAt: string;
  endsAt: string;
  comment: string;
  author: string;
  state: string;
  createdAt: string;
}

const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describe('alert silences (API)', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let ruleId: string;

  const sql = (query: string, parameters: unknown[] = []) =>
    testApp.dataSource.query(query, parameters);
  const create = async (body: object, status = 201) =>
    (await testApp.http.post(SILENCES).set(admin.auth).send(body).expect(status)).body;
  const expire = async (id: string, status = 200) =>
    (await testApp.http.delete(`${SILENCES}/${id}`).set(admin.auth).expect(status)).body;
  const list = async (state?: string): Promise<SilenceBody[]> =>
    (
      await testApp.http
        .get(SILENCES)
        .query(state ? { state } : {})
        .set(admin.auth)
        .expect(200)
    ).body.items;
  const severity = (value: string) => [{ label: 'severity', operator: '=', value }];

  beforeAll(async () => {
    testApp = await createTestApp({ ...ADMIN_ENV, AUDIT_LOGGING_ASYNC: 'false' });
    admin = await signInAdmin(testApp);
    [{ id: ruleId }] = await sql(
      `INSERT INTO alert_configs (name, severity, metric_type, condition_operator, threshold_value,
         window_seconds)
       VALUES ('Slow checkout', 'warning', 'p95_latency_ms', '>', 800, 300) RETURNING id`,
    );
  });
  afterAll(() => testApp.close());

  it('is for admins only', async () => {
    const user = await registerUser(testApp, 'not-admin');
    await testApp.http.get(SILENCES).set(user.auth).expect(403);
    await testApp.http
      .post(SILENCES)
      .set(user.auth)
      .send({ matchers: severity('warning'), endsAt: inHours(1), comment: 'no' })
      .expect(403);
    await testApp.http.delete(`${SILENCES}/${randomUUID()}`).set(user.auth).expect(403);
    expect(await sql(`SELECT 1 FROM alert_silences WHERE comment = 'no'`)).toEqual([]);
  });

  it('creates an active silence from now, by the signed-in admin', async () => {
    const before = Date.now();
    const silence: SilenceBody = await create({
      matchers: [
        { label: 'severity', operator: '=', value: 'warning' },
        { label: 'route', operator: '=~', value: '/api/v1/(users|transactions).*' },
      ],
      endsAt: inHours(2),
      comment: '  Planned database maintenance  ',
    });
    expect(silence).toMatchObject({
      ruleId: null,
      matchers: [
        { label: 'severity', operator: '=', value: 'warning' },
        { label: 'route', operator: '=~', value: '/api/v1/(users|transactions).*' },
      ],
      comment: 'Planned database maintenance',
      author: admin.email,
      state: 'active',
    });
    expect(new Date(silence.startsAt).getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(new Date(silence.startsAt).getTime()).toBeLessThanOrEqual(Date.now());

    const [row] = await sql(`SELECT created_by FROM alert_silences WHERE id = $1`, [silence.id]);
    expect(row.created_by).toBe(admin.id);
    const [history] = await sql(
      `SELECT action, user_id FROM audit_changes WHERE table_name = 'alert_silences' AND row_id = $1`,
      [silence.id],
    );
    expect(history).toEqual({ action: 'INSERT', user_id: admin.id });
    const [event] = await sql(
      `SELECT actor_id, resource_id FROM audit_events WHERE action = 'alert_silence.create' AND resource_id = $1`,
      [silence.id],
    );
    expect(event).toEqual({ actor_id: admin.id, resource_id: silence.id });
  });

  it('silences one rule, with or without matchers', async () => {
    const whole = await create({ ruleId, endsAt: inHours(1), comment: 'Known slow' });
    expect(whole).toMatchObject({ ruleId, matchers: [], state: 'active' });
    const some = await create({
      ruleId,
      matchers: severity('critical'),
      endsAt: inHours(1),
      comment: 'Only the critical ones',
    });
    expect(some).toMatchObject({ ruleId, matchers: severity('critical') });
  });

  it('computes states from now, and lists by state, newest first', async () => {
    const startsAt = inHours(1);
    const pending = await create({
      matchers: severity('info'),
      startsAt,
      endsAt: inHours(3),
      comment: 'Tonight',
    });
    expect(pending).toMatchObject({ state: 'pending', startsAt });
    const active = await create({ matchers: severity('info'), endsAt: inHours(1), comment: 'Now' });
    // One that ran in the past, as if made two hours ago.
    const [{ id: expiredId }] = await sql(
      `INSERT INTO alert_silences (matchers, starts_at, ends_at, comment, author)
       VALUES ('[{"label":"severity","operator":"=","value":"info"}]',
         now() - interval '2 hours', now() - interval '1 hour', 'Yesterday', $1) RETURNING id`,
      [admin.email],
    );

    const all = await list();
    const ids = all.map((silence) => silence.id);
    expect(ids.indexOf(expiredId)).toBeLessThan(ids.indexOf(active.id));
    expect(ids.indexOf(active.id)).toBeLessThan(ids.indexOf(pending.id));
    const byId = new Map(all.map((silence) => [silence.id, silence.state]));
    expect([byId.get(pending.id), byId.get(active.id), byId.get(expiredId)]).toEqual([
      'pending',
      'active',
      'expired',
    ]);

    const states = async (state: string) => new Set((await list(state)).map((s) => s.state));
    expect(await states('active')).toEqual(new Set(['active']));
    expect(await states('pending')).toEqual(new Set(['pending']));
    expect(await states('expired')).toEqual(new Set(['expired']));
    expect((await list('expired')).map((silence) => silence.id)).toContain(expiredId);
    const refused = await testApp.http
      .get(SILENCES)
      .query({ state: 'muted' })
      .set(admin.auth)
      .expect(400);
    expect(refused.body.details).toHaveProperty('state');

    const service = testApp.app.get(SilencesService);
    const activeIds = (await service.activeAt(new Date())).map((silence) => silence.id);
    expect(activeIds).toContain(active.id);
    expect(activeIds).not.toContain(pending.id);
    expect(activeIds).not.toContain(expiredId);
    const later = (await service.activeAt(new Date(Date.now() + 2 * HOUR))).map((s) => s.id);
    expect(later).toContain(pending.id);
    expect(later).not.toContain(active.id);
  });

  it('expires an active silence now, a pending one before it starts, and an expired one not again', async () => {
    const active = await create({ matchers: severity('x'), endsAt: inHours(1), comment: 'a' });
    const expired = await expire(active.id);
    expect(expired).toMatchObject({ id: active.id, state: 'expired', startsAt: active.startsAt });
    expect(new Date(expired.endsAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await expire(active.id)).toEqual(expired);

    const pending = await create({
      matchers: severity('x'),
      startsAt: inHours(1),
      endsAt: inHours(2),
      comment: 'p',
    });
    const ended = await expire(pending.id);
    expect(ended.state).toBe('expired');
    expect(new Date(ended.startsAt).getTime()).toBeLessThan(new Date(ended.endsAt).getTime());
    expect(new Date(ended.endsAt).getTime()).toBeLessThanOrEqual(Date.now());
    const service = testApp.app.get(SilencesService);
    const later = await service.activeAt(new Date(Date.now() + 1.5 * HOUR));
    expect(later.map((silence) => silence.id)).not.toContain(pending.id);

    const [event] = await sql(
      `SELECT result FROM audit_events WHERE action = 'alert_silence.expire' AND resource_id = $1 LIMIT 1`,
      [pending.id],
    );
    expect(event).toEqual({ result: 'success' });

    expect((await expire(randomUUID(), 404)).details).toHaveProperty('id');
    expect((await expire('not-a-uuid', 400)).details).toHaveProperty('id');
  });

  it('answers silences that the matcher applies the way Alertmanager does', async () => {
    const silence = await create({
      ruleId,
      matchers: [
        { label: 'route', operator: '=~', value: '/api/v1/transactions.*' },
        { label: 'module', operator: '!=', value: 'auth' },
      ],
      endsAt: inHours(1),
      comment: 'Transactions are slow today',
    });
    const active = await testApp.app.get(SilencesService).activeAt(new Date());
    const stored = active.find((candidate) => candidate.id === silence.id);
    expect(stored).toBeDefined();
    if (!stored) return;
    expect(silenceMatches(stored, ruleId, { route: '/api/v1/transactions/:id' })).toBe(true);
    expect(silenceMatches(stored, ruleId, { route: '/api/v1/transactions', module: 'auth' })).toBe(
      false,
    );
    expect(silenceMatches(stored, ruleId, { route: '/v2/api/v1/transactions' })).toBe(false);
    expect(silenceMatches(stored, randomUUID(), { route: '/api/v1/transactions' })).toBe(false);
  });

  describe('refuses invalid silences with a message for the field', () => {
    it.each([
      [
        'neither a rule nor a matcher',
        { endsAt: inHours(1), comment: 'everything' },
        'matchers',
        'give a ruleId, at least one matcher, or both: a silence without either would mute every alert',
      ],
      [
        'an empty list of matchers and no rule',
        { matchers: [], endsAt: inHours(1), comment: 'everything' },
        'matchers',
        'give a ruleId, at least one matcher, or both: a silence without either would mute every alert',
      ],
      [
        'a regular expression that does not compile',
        {
          matchers: [
            { label: 'route', operator: '=', value: '(' },
            { label: 'route', operator: '=~', value: '/api/(v1' },
          ],
          endsAt: inHours(1),
          comment: 'x',
        },
        'matchers.1.value',
        expect.stringMatching(/^value of matcher 2: the regular expression does not compile: /),
      ],
      [
        'a regular expression over 200 characters',
        {
          matchers: [{ label: 'route', operator: '!~', value: 'a'.repeat(201) }],
          endsAt: inHours(1),
          comment: 'x',
        },
        'matchers.0.value',
        'value of matcher 1: the regular expression must be at most 200 characters',
      ],
      [
        'an unknown operator',
        {
          matchers: [{ label: 'route', operator: '~', value: 'x' }],
          endsAt: inHours(1),
          comment: 'x',
        },
        'matchers.0.operator',
        'operator must be one of =, !=, =~ or !~',
      ],
      [
        'a label that is not a label name',
        {
          matchers: [{ label: 'the route', operator: '=', value: 'x' }],
          endsAt: inHours(1),
          comment: 'x',
        },
        'matchers.0.label',
        'label must be a label name: letters, digits and _, not starting with a digit',
      ],
      [
        'an end in the past',
        { matchers: severity('x'), endsAt: inHours(-1), comment: 'x' },
        'endsAt',
        'endsAt must be in the future',
      ],
      [
        'an end before the start',
        { matchers: severity('x'), startsAt: inHours(3), endsAt: inHours(2), comment: 'x' },
        'endsAt',
        'endsAt must be after startsAt',
      ],
      [
        'an end that is not a date-time',
        { matchers: severity('x'), endsAt: 'tomorrow', comment: 'x' },
        'endsAt',
        'endsAt must be an ISO 8601 date-time',
      ],
      [
        'no comment',
        { matchers: severity('x'), endsAt: inHours(1), comment: '  ' },
        'comment',
        'comment is required: say why alerts are silenced',
      ],
      [
        'a rule that does not exist',
        { ruleId: randomUUID(), endsAt: inHours(1), comment: 'x' },
        'ruleId',
        'no alert rule with this ID',
      ],
      [
        'a rule ID that is not a UUID',
        { ruleId: 'slow-checkout', endsAt: inHours(1), comment: 'x' },
        'ruleId',
        'ruleId must be a UUID',
      ],
    ])('%s', async (_what, body, field, message) => {
      const before = await sql(`SELECT count(*)::int AS n FROM alert_silences`);
      const answer = await create(body, 400);
      expect(answer.details[field]).toEqual([message]);
      expect(await sql(`SELECT count(*)::int AS n FROM alert_silences`)).toEqual(before);
    });

    it('refuses a deleted rule', async () => {
      const [{ id }] = await sql(
        `INSERT INTO alert_configs (name, severity, metric_type, condition_operator, threshold_value,
           window_seconds, deleted_at)
         VALUES ('Gone', 'info', 'log_count', '>', 1, 300, now()) RETURNING id`,
      );
      const answer = await create({ ruleId: id, endsAt: inHours(1), comment: 'x' }, 400);
      expect(answer.details).toEqual({ ruleId: ['no alert rule with this ID'] });
    });
  });
});
