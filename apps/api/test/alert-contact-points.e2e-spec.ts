import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { ContactPointsService } from '../src/modules/alerts/contact-points/contact-points.service';
import { eventually } from './support/eventually';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

const POINTS = '/api/v1/monitoring/alerts/contact-points';
const ENCRYPTION_KEY = randomBytes(32).toString('hex');
const SMS_ENV = {
  SMS_TWILIO_ACCOUNT_SID: 'AC0123456789abcdef',
  SMS_TWILIO_AUTH_TOKEN: 'twilio-auth-token',
  SMS_TWILIO_FROM: '+15005550006',
};
/** A Standard Webhooks secret of 32 bytes. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** What the action log stored of a request: its body as redacted. */
interface AuditEventRow {
  result: string;
  resource_id: string | null;
  metadata: { body?: { name?: string; secret?: string } };
}

interface ContactPointBody {
  id: string;
  name: string;
  type: string;
  settings: Record<string, unknown>;
  hasSecret: boolean;
  disabled: boolean;
  disabledReason: string | null;
  secret?: string;
}

/** Collects the app's log lines. */
class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(chunk.toString());
    done();
  }
}

// First in the file: Nest's static logger writes through the first app made in a process.
describe('alert contact points on a server without email or SMS settings', () => {
  const logs = new LogCapture();
  let testApp: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    // Everything logged, every query's SQL and every query of 1 ms or more with its parameters.
    testApp = await createTestApp(
      { ...ADMIN_ENV, LOG_LEVEL: 'debug', SLOW_QUERY_MS: '1' },
      { logDestination: logs },
    );
    admin = await signInAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('refuses SMS and email contact points, saying what to set', async () => {
    const sms = await testApp.http
      .post(POINTS)
      .set(admin.auth)
      .send({ name: 'Pager', type: 'sms', settings: { numbers: ['+4915112345678'] } })
      .expect(400);
    expect(sms.body.details).toEqual({
      type: [
        'SMS is not configured on this server: set SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN and SMS_TWILIO_FROM',
      ],
    });
    const email = await testApp.http
      .post(POINTS)
      .set(admin.auth)
      .send({ name: 'Mail', type: 'email', settings: { addresses: ['ops@example.com'] } })
      .expect(400);
    expect(email.body.details).toEqual({
      type: ['Email is not configured on this server: set SMTP_URL'],
    });
  });

  it('stores secrets as entered without SECRETS_ENCRYPTION_KEY, never answering or logging them', async () => {
    const secret = newSecret();
    const created = await testApp.http
      .post(POINTS)
      .set(admin.auth)
      .send({ name: 'Hook', type: 'webhook', settings: { url: 'https://example.com/x' }, secret })
      .expect(201);
    expect(JSON.stringify(created.body)).not.toContain(secret);
    const [stored] = await testApp.dataSource.query(
      `SELECT secret FROM notification_channels WHERE id = $1`,
      [created.body.id],
    );
    expect(stored.secret).toBe(secret);

    const generated = await testApp.http
      .post(POINTS)
      .set(admin.auth)
      .send({ name: 'Other hook', type: 'webhook', settings: { url: 'https://example.com/y' } })
      .expect(201);
    await testApp.http
      .put(`${POINTS}/${created.body.id}`)
      .set(admin.auth)
      .send({ name: 'Hook', type: 'webhook', settings: { url: 'https://example.com/z' }, secret })
      .expect(200);
    const written = logs.lines.join('');
    expect(written).toContain('notification_channels');
    for (const value of [secret, generated.body.secret]) {
      expect(written).not.toContain(value);
      expect(written).not.toContain(value.slice('whsec_'.length));
    }
  });

  it('names a stored contact point of a type the server cannot send as a problem', async () => {
    const [{ id }] = await testApp.dataSource.query(
      `INSERT INTO notification_channels (name, type, settings)
       VALUES ('Old pager', 'sms', '{"numbers": ["+4915112345678"]}') RETURNING id`,
    );
    const service = testApp.app.get(ContactPointsService);
    expect(await service.problemsWith([id])).toEqual([
      'Contact point "Old pager" cannot send: SMS is not configured on this server: set SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN and SMS_TWILIO_FROM',
    ]);
  });
});

describe('alert contact points (API)', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let service: ContactPointsService;
  /** Every answer body seen, to check that no secret ever left the API. */
  const answers: string[] = [];

  const send = async (
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    status: number,
    body?: object,
  ) => {
    let call = testApp.http[method](path).set(admin.auth);
    if (body !== undefined) call = call.send(body);
    const response = await call.expect(status);
    answers.push(JSON.stringify(response.body));
    return response.body;
  };
  const create = (body: object, status = 201) => send('post', POINTS, status, body);
  const sql = (query: string, parameters: unknown[] = []) =>
    testApp.dataSource.query(query, parameters);
  const webhook = (name: string, extra: object = {}) => ({
    name,
    type: 'webhook',
    settings: { url: 'https://example.com/hooks/alerts' },
    ...extra,
  });
  const insertRule = async (name: string, contactPointIds: string[], enabled = true) => {
    const [{ id }] = await sql(
      `INSERT INTO alert_configs (name, severity, metric_type, condition_operator, threshold_value,
         window_seconds, enabled, contact_point_ids)
       VALUES ($1, 'critical', 'error_rate', '>', 0.05, 300, $2, $3::uuid[]) RETURNING id`,
      [name, enabled, contactPointIds],
    );
    return id as string;
  };
  const auditEvents = (action: string) =>
    sql(
      `SELECT result, resource_id, metadata FROM audit_events WHERE action = $1 ORDER BY occurred_at`,
      [action],
    ) as Promise<AuditEventRow[]>;

  beforeAll(async () => {
    testApp = await createTestApp({
      ...ADMIN_ENV,
      ...SMS_ENV,
      // Inline writes: each request's action-log event is in the table when its answer arrives.
      AUDIT_LOGGING_ASYNC: 'false',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SECRETS_ENCRYPTION_KEY: ENCRYPTION_KEY,
    });
    admin = await signInAdmin(testApp);
    service = testApp.app.get(ContactPointsService);
  });
  afterAll(() => testApp.close());

  it('is for admins only', async () => {
    const user = await registerUser(testApp, 'not-admin');
    await testApp.http.get(POINTS).set(user.auth).expect(403);
    await testApp.http.post(POINTS).set(user.auth).send(webhook('Nope')).expect(403);
    await testApp.http.get(`${POINTS}/${randomUUID()}`).set(user.auth).expect(403);
    await testApp.http.get(POINTS).expect(401);
    expect(await sql(`SELECT 1 FROM notification_channels WHERE name = 'Nope'`)).toEqual([]);
  });

  it('creates, reads, updates and deletes each type', async () => {
    const email = await create({
      name: 'Ops mail',
      type: 'email',
      settings: { addresses: ['ops@example.com', ' dev@example.com '] },
    });
    expect(email).toMatchObject({
      name: 'Ops mail',
      type: 'email',
      settings: { addresses: ['ops@example.com', 'dev@example.com'] },
      hasSecret: false,
      disabled: false,
      disabledReason: null,
    });
    expect(email).not.toHaveProperty('secret');
    const sms = await create({
      name: 'Pager',
      type: 'sms',
      settings: { numbers: ['+4915112345678'] },
    });
    expect(sms).toMatchObject({ type: 'sms', settings: { numbers: ['+4915112345678'] } });

    expect(await send('get', `${POINTS}/${email.id}`, 200)).toEqual(email);
    const list = await send('get', POINTS, 200);
    expect(list.items.map((item: ContactPointBody) => item.name)).toEqual(
      expect.arrayContaining(['Ops mail', 'Pager']),
    );

    const updated = await send('put', `${POINTS}/${email.id}`, 200, {
      name: 'Ops mail (EU)',
      type: 'email',
      settings: { addresses: ['eu-ops@example.com'] },
    });
    expect(updated).toMatchObject({
      id: email.id,
      name: 'Ops mail (EU)',
      settings: { addresses: ['eu-ops@example.com'] },
    });
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(email.updatedAt).getTime(),
    );

    await send('delete', `${POINTS}/${email.id}`, 204);
    await send('get', `${POINTS}/${email.id}`, 404);
    await send('put', `${POINTS}/${email.id}`, 404, {
      name: 'Ops mail',
      type: 'email',
      settings: { addresses: ['ops@example.com'] },
    });
    await send('delete', `${POINTS}/${email.id}`, 404);
    const after = await send('get', POINTS, 200);
    expect(after.items.map((item: ContactPointBody) => item.id)).not.toContain(email.id);
    // Soft: kept, with who deleted it.
    const [row] = await sql(
      `SELECT deleted_at, deleted_by FROM notification_channels WHERE id = $1`,
      [email.id],
    );
    expect(row.deleted_at).not.toBeNull();
    expect(row.deleted_by).toBe(admin.id);
  });

  it('keeps an explicit webhook secret write-only, sealed at rest and readable for sending', async () => {
    const secret = newSecret();
    const created = await create(webhook('Signed hook', { secret }));
    expect(created.hasSecret).toBe(true);
    expect(created).not.toHaveProperty('secret');
    expect(await send('get', `${POINTS}/${created.id}`, 200)).toMatchObject({ hasSecret: true });

    const [stored] = await sql(`SELECT secret FROM notification_channels WHERE id = $1`, [
      created.id,
    ]);
    expect(stored.secret).not.toBe(secret);
    expect(stored.secret).not.toContain(secret.slice('whsec_'.length));
    expect(stored.secret).toMatch(/^enc:v1:/);
    expect(await service.usable([created.id])).toEqual([
      {
        id: created.id,
        name: 'Signed hook',
        type: 'webhook',
        settings: { url: 'https://example.com/hooks/alerts' },
        secret,
      },
    ]);

    // An update without a secret keeps it; one with a secret replaces it.
    await send(
      'put',
      `${POINTS}/${created.id}`,
      200,
      webhook('Signed hook', {
        settings: { url: 'https://example.com/hooks/v2' },
      }),
    );
    expect((await service.get(created.id)).secret).toBe(secret);
    const rotated = newSecret();
    const replaced = await send(
      'put',
      `${POINTS}/${created.id}`,
      200,
      webhook('Signed hook', {
        secret: rotated,
      }),
    );
    expect(replaced).not.toHaveProperty('secret');
    expect((await service.get(created.id)).secret).toBe(rotated);

    // Another type holds no secret.
    const email = await send('put', `${POINTS}/${created.id}`, 200, {
      name: 'Signed hook',
      type: 'email',
      settings: { addresses: ['ops@example.com'] },
    });
    expect(email.hasSecret).toBe(false);
    expect((await service.get(created.id)).secret).toBeNull();

    for (const answer of answers) {
      expect(answer).not.toContain(secret);
      expect(answer).not.toContain(rotated);
    }
  });

  it('generates a secret for a webhook created without one and answers it once', async () => {
    const created = await create(webhook('Generated hook'));
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.hasSecret).toBe(true);
    expect((await service.get(created.id)).secret).toBe(created.secret);
    const read = await send('get', `${POINTS}/${created.id}`, 200);
    expect(read).not.toHaveProperty('secret');
    const list = await send('get', POINTS, 200);
    expect(JSON.stringify(list)).not.toContain(created.secret);
    const updated = await send('put', `${POINTS}/${created.id}`, 200, webhook('Generated hook'));
    expect(updated).not.toHaveProperty('secret');
    expect((await service.get(created.id)).secret).toBe(created.secret);
  });

  it('leaves secrets out of the action log and the row history', async () => {
    const secret = newSecret();
    const created = await create(webhook('Audited hook', { secret }));
    const rotated = newSecret();
    await send(
      'put',
      `${POINTS}/${created.id}`,
      200,
      webhook('Audited hook', { secret: rotated, settings: { url: 'https://example.com/v2' } }),
    );
    // A refused request is recorded too, with its body.
    const refused = `whsec_${randomBytes(8).toString('base64')}`;
    await create(webhook('Refused hook', { secret: refused }), 400);

    // The exception filter records failures off the answer's path.
    const mine = await eventually(async () => {
      const events = [
        ...(await auditEvents('alert_contact_point.create')),
        ...(await auditEvents('alert_contact_point.update')),
      ].filter((event) =>
        ['Audited hook', 'Refused hook'].includes(event.metadata.body?.name ?? ''),
      );
      expect(events.map((event) => event.result).sort()).toEqual(['failure', 'success', 'success']);
      return events;
    });
    for (const event of mine) {
      expect(event.metadata.body?.secret).toBe('[REDACTED]');
      const text = JSON.stringify(event.metadata);
      for (const value of [secret, rotated, refused]) expect(text).not.toContain(value);
    }

    const changes: {
      action: string;
      old_data: object | null;
      new_data: object | null;
      changed_columns: string[];
    }[] = await sql(
      `SELECT action, old_data, new_data, changed_columns FROM audit_changes
         WHERE table_name = 'notification_channels' AND row_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(changes.map((change) => change.action)).toEqual(['INSERT', 'UPDATE']);
    for (const change of changes) {
      expect(change.old_data ?? {}).not.toHaveProperty('secret');
      expect(change.new_data).not.toHaveProperty('secret');
      expect(change.changed_columns).not.toContain('secret');
      expect(change.new_data).toHaveProperty('name', 'Audited hook');
    }
  });

  describe('refuses invalid contact points with a message for the field', () => {
    it.each([
      ['no name', { ...webhook(''), name: '   ' }, 'name'],
      ['an unknown type', { ...webhook('X'), type: 'pager' }, 'type'],
      ['settings that are not an object', { ...webhook('X'), settings: 'https://x' }, 'settings'],
      ['an unknown property', { ...webhook('X'), colour: 'red' }, 'colour'],
      [
        'an invalid email address',
        {
          name: 'X',
          type: 'email',
          settings: { addresses: ['ops@example.com', 'ops at example'] },
        },
        'settings.addresses.1',
      ],
      [
        'no email address',
        { name: 'X', type: 'email', settings: { addresses: [] } },
        'settings.addresses',
      ],
      [
        'more than 20 email addresses',
        {
          name: 'X',
          type: 'email',
          settings: { addresses: Array.from({ length: 21 }, (_, i) => `u${i}@example.com`) },
        },
        'settings.addresses',
      ],
      [
        'a webhook URL that is not http(s)',
        webhook('X', { settings: { url: 'ftp://example.com/x' } }),
        'settings.url',
      ],
      [
        'a webhook URL with credentials',
        webhook('X', { settings: { url: 'https://admin:hunter2@example.com/x' } }),
        'settings.url',
      ],
      [
        'a webhook URL over 2048 characters',
        webhook('X', { settings: { url: `https://example.com/${'a'.repeat(2048)}` } }),
        'settings.url',
      ],
      [
        'an SMS number that is not E.164',
        { name: 'X', type: 'sms', settings: { numbers: ['0151 1234567'] } },
        'settings.numbers.0',
      ],
      [
        'more than 10 SMS numbers',
        {
          name: 'X',
          type: 'sms',
          settings: { numbers: Array.from({ length: 11 }, (_, i) => `+4915112345${600 + i}`) },
        },
        'settings.numbers',
      ],
      [
        'settings of another type',
        {
          name: 'X',
          type: 'webhook',
          settings: { url: 'https://example.com/x', numbers: ['+4915112345678'] },
        },
        'settings.numbers',
      ],
      ['a secret that is not whsec_', webhook('X', { secret: 'hunter2' }), 'secret'],
      [
        'a secret of fewer than 24 bytes',
        webhook('X', { secret: `whsec_${randomBytes(16).toString('base64')}` }),
        'secret',
      ],
      [
        'a secret for email',
        {
          name: 'X',
          type: 'email',
          settings: { addresses: ['ops@example.com'] },
          secret: newSecret(),
        },
        'secret',
      ],
    ])('%s', async (_what, body, field) => {
      const answer = await create(body, 400);
      expect(answer.message).toBe('Validation failed');
      expect(Object.keys(answer.details)).toContain(field);
      expect(answer.details[field]).toEqual([expect.stringMatching(/\w+ \w+/)]);
      expect(await sql(`SELECT 1 FROM notification_channels WHERE name = 'X'`)).toEqual([]);
    });
  });

  it('refuses a name in use, case-insensitively, and frees it on delete', async () => {
    const first = await create(webhook('Team hook'));
    const clash = await create(webhook('TEAM HOOK'), 409);
    expect(clash.details).toEqual({ name: ["a contact point named 'TEAM HOOK' already exists"] });
    const other = await create(webhook('Other hook'));
    const renamed = await send('put', `${POINTS}/${other.id}`, 409, webhook('team hook'));
    expect(renamed.details).toHaveProperty('name');
    await send('delete', `${POINTS}/${first.id}`, 204);
    await create(webhook('Team hook'));
  });

  it('refuses to delete a contact point an enabled rule uses, naming the rule', async () => {
    const point = await create(webhook('In use'));
    const ruleId = await insertRule('High error rate', [point.id]);
    await insertRule('Old rule, disabled', [point.id], false);
    const answer = await send('delete', `${POINTS}/${point.id}`, 409);
    expect(answer.message).toContain('"High error rate"');
    expect(answer.message).not.toContain('Old rule');
    expect(answer.details).toEqual({ rules: [`High error rate (${ruleId})`] });
    await send('get', `${POINTS}/${point.id}`, 200);

    await sql(`UPDATE alert_configs SET deleted_at = now() WHERE id = $1`, [ruleId]);
    await send('delete', `${POINTS}/${point.id}`, 204);
  });

  it('answers 400 naming the parameter for an ID that is not a UUID', async () => {
    const answer = await send('get', `${POINTS}/not-a-uuid`, 400);
    expect(answer.details).toHaveProperty('id');
  });

  describe('for alerting', () => {
    it('disables a contact point until it is saved again', async () => {
      const point = await create(webhook('Gone hook'));
      expect(await service.disable(point.id, 'The webhook answered 410 Gone')).toBe(true);
      // The first reason stays.
      expect(await service.disable(point.id, 'Another reason')).toBe(false);
      expect(await send('get', `${POINTS}/${point.id}`, 200)).toMatchObject({
        disabled: true,
        disabledReason: 'The webhook answered 410 Gone',
      });
      expect(await service.usable([point.id])).toEqual([]);
      expect(await service.get(point.id)).toMatchObject({ disabled: true });
      expect(await service.problemsWith([point.id])).toEqual([
        'Contact point "Gone hook" is disabled: The webhook answered 410 Gone',
      ]);

      const saved = await send(
        'put',
        `${POINTS}/${point.id}`,
        200,
        webhook('Gone hook', {
          settings: { url: 'https://example.com/hooks/new' },
        }),
      );
      expect(saved).toMatchObject({ disabled: false, disabledReason: null });
      expect(await service.usable([point.id])).toHaveLength(1);
      expect(await service.problemsWith([point.id])).toEqual([]);
    });

    it('lists usable contact points in the order asked, and the problems of the others', async () => {
      const first = await create(webhook('First hook'));
      const second = await create({
        name: 'Second mail',
        type: 'email',
        settings: { addresses: ['second@example.com'] },
      });
      const deleted = await create(webhook('Deleted hook'));
      await send('delete', `${POINTS}/${deleted.id}`, 204);
      const unknown = randomUUID();

      const usable = await service.usable([second.id, unknown, first.id, deleted.id, 'nonsense']);
      expect(usable.map((point) => point.name)).toEqual(['Second mail', 'First hook']);
      expect(await service.problemsWith([first.id, unknown, deleted.id])).toEqual([
        `Contact point ${unknown} does not exist (or was deleted)`,
        `Contact point ${deleted.id} does not exist (or was deleted)`,
      ]);
      await expect(service.get(deleted.id)).rejects.toThrow('not found');
    });
  });
});
