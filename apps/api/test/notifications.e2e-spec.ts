import {
  DEFAULT_PREFERENCES,
  BudgetThresholdCrossedPayload,
  DomainEvent,
  NotificationSnapshot,
  RealtimeEvent,
} from '@ledgerlens/contracts';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import { SmtpInbox, startSmtpInbox } from '../src/common/mail/testing/smtp-inbox';
import { BudgetAlertListener } from '../src/modules/notifications/budget-alert.listener';
import { eventually } from './support/eventually';
import { closeClients, connectClient, listen } from './support/realtime-clients';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

const PUBLIC_URL = 'https://ledgerlens.example';
const today = () => new Date().toISOString().slice(0, 10);

/** Mailboxes named "refused-…" do not exist: the server answers 550, as real ones do. */
const refuseUnknownMailboxes = (address: string) =>
  address.startsWith('refused-') ? { code: 550, text: 'Mailbox unavailable' } : undefined;

describe('notifications of budget threshold crossings', () => {
  let testApp: TestApp;
  let smtp: SmtpInbox;
  let url: string;
  let alertsDone: () => Promise<void>;

  beforeAll(async () => {
    smtp = await startSmtpInbox(refuseUnknownMailboxes);
    testApp = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL });
    url = await listen(testApp.app);
    // Observes (and calls through) the real listener, so a test can wait until every crossing
    // it caused has been notified and emailed, instead of guessing how long that takes.
    const runs = jest.spyOn(testApp.app.get(BudgetAlertListener), 'onThresholdCrossed');
    alertsDone = async () => {
      await Promise.all(runs.mock.results.map((result) => result.value));
    };
  });
  afterEach(() => closeClients());
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  const post = (user: SignedInUser, path: string, body: object) =>
    testApp.http.post(`/api/v1/${path}`).set(user.auth).send(body);

  const notificationsOf = (user: SignedInUser, query = '') =>
    testApp.http.get(`/api/v1/notifications${query}`).set(user.auth).expect(200);

  const mailTo = (user: SignedInUser) =>
    smtp.received
      .map(({ mail }) => mail)
      .filter((mail) => mail.to && JSON.stringify(mail.to).includes(user.email));

  /** A monthly Groceries budget of €100.00 alerting at 80 and 100 %. */
  async function groceriesBudget(user: SignedInUser): Promise<{ id: string; categoryId: string }> {
    const category = await post(user, 'categories', { name: 'Groceries', kind: 'expense' }).expect(
      201,
    );
    const budget = await post(user, 'budgets', {
      categoryId: category.body.id,
      period: 'monthly',
      limitCents: 10_000,
      currency: 'EUR',
      startDate: '2020-01-01',
      alertThresholds: [80, 100],
    }).expect(201);
    return { id: budget.body.id, categoryId: category.body.id };
  }

  async function spend(user: SignedInUser, categoryId: string, amountCents: number) {
    await post(user, 'transactions', {
      amountCents,
      currency: 'EUR',
      categoryId,
      description: 'Supermarket',
      occurredOn: today(),
    }).expect(201);
    await alertsDone();
  }

  it('notifies the owner once per crossing, and nobody else; read, read-all and unread filter', async () => {
    const ada = await registerUser(testApp, 'ada');
    const bob = await registerUser(testApp, 'bob');
    const budget = await groceriesBudget(ada);

    await spend(ada, budget.categoryId, 7_000);
    expect((await notificationsOf(ada)).body).toMatchObject({
      items: [],
      total: 0,
      unreadCount: 0,
    });

    await spend(ada, budget.categoryId, 1_500);
    const afterFirst = await notificationsOf(ada);
    expect(afterFirst.body).toEqual({
      items: [
        {
          id: expect.any(String),
          kind: 'budget_threshold',
          title: 'Groceries is at 80% of its budget',
          body: `You have spent €85.00 of your €100.00 budget in the period from ${today().slice(0, 7)}-01.`,
          link: '/budgets',
          data: {
            budgetId: budget.id,
            categoryId: budget.categoryId,
            thresholdPercent: 80,
            periodStart: `${today().slice(0, 7)}-01`,
            spentCents: '8500',
            limitCents: 10_000,
            currency: 'EUR',
            dedupeKey: `budget:${budget.id}:${today().slice(0, 7)}-01:80`,
          },
          readAt: null,
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
      total: 1,
      unreadCount: 1,
      page: 1,
      limit: 20,
    });
    // Spending more below the next threshold notifies nothing new.
    await spend(ada, budget.categoryId, 100);
    expect((await notificationsOf(ada)).body.total).toBe(1);

    await spend(ada, budget.categoryId, 1_500);
    const both = await notificationsOf(ada);
    expect(both.body.items.map((n: NotificationSnapshot) => n.title)).toEqual([
      'Groceries is over budget',
      'Groceries is at 80% of its budget',
    ]);
    expect(both.body.unreadCount).toBe(2);

    // Bob sees none of them and cannot mark them.
    expect((await notificationsOf(bob)).body).toMatchObject({
      items: [],
      total: 0,
      unreadCount: 0,
    });
    const [newest, oldest] = both.body.items as NotificationSnapshot[];
    const refused = await testApp.http
      .post(`/api/v1/notifications/${oldest.id}/read`)
      .set(bob.auth)
      .expect(404);
    expect(refused.body.message).toBe(`Notification ${oldest.id} not found`);
    expect(
      (await testApp.http.post('/api/v1/notifications/read-all').set(bob.auth).expect(200)).body,
    ).toEqual({
      updated: 0,
    });
    await testApp.http.post(`/api/v1/notifications/${randomUUID()}/read`).set(ada.auth).expect(404);
    const badId = await testApp.http
      .post('/api/v1/notifications/not-a-uuid/read')
      .set(ada.auth)
      .expect(400);
    expect(badId.body.details).toEqual({ id: ['id must be a UUID'] });

    const read = await testApp.http
      .post(`/api/v1/notifications/${oldest.id}/read`)
      .set(ada.auth)
      .expect(200);
    expect(read.body).toMatchObject({ id: oldest.id, readAt: expect.stringMatching(/^\d{4}-/) });
    const again = await testApp.http
      .post(`/api/v1/notifications/${oldest.id}/read`)
      .set(ada.auth)
      .expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);

    const unread = await notificationsOf(ada, '?unread=true');
    expect(unread.body).toMatchObject({ total: 1, unreadCount: 1 });
    expect(unread.body.items.map((n: NotificationSnapshot) => n.id)).toEqual([newest.id]);
    const readOnes = await notificationsOf(ada, '?unread=false&page=1&limit=1');
    expect(readOnes.body).toMatchObject({ total: 1, unreadCount: 1, page: 1, limit: 1 });
    expect(readOnes.body.items.map((n: NotificationSnapshot) => n.id)).toEqual([oldest.id]);
    const badFilter = await testApp.http
      .get('/api/v1/notifications?unread=yes')
      .set(ada.auth)
      .expect(400);
    expect(badFilter.body.details).toEqual({ unread: ['unread must be true or false'] });

    const all = await testApp.http.post('/api/v1/notifications/read-all').set(ada.auth).expect(200);
    expect(all.body).toEqual({ updated: 1 });
    expect((await notificationsOf(ada)).body).toMatchObject({ total: 2, unreadCount: 0 });
    expect((await notificationsOf(ada, '?unread=true')).body.items).toEqual([]);
  });

  it('makes one notice when one transaction crosses 80 and 100 %, and records both thresholds', async () => {
    const events = testApp.app.get(EventEmitter2);
    const crossings: BudgetThresholdCrossedPayload[] = [];
    const record = (crossing: BudgetThresholdCrossedPayload) => crossings.push(crossing);
    events.on(DomainEvent.BudgetThresholdCrossed, record);
    try {
      const user = await registerUser(testApp, 'leap');
      await testApp.http
        .patch('/api/v1/users/me/preferences')
        .set(user.auth)
        .send({ budgetAlertEmails: true })
        .expect(200);
      const socket = await connectClient(url, user.token);
      const budget = await groceriesBudget(user);

      await spend(user, budget.categoryId, 10_650);

      expect(crossings).toEqual([
        expect.objectContaining({
          budgetId: budget.id,
          thresholdPercent: 100,
          spentCents: '10650',
        }),
      ]);
      const list = await notificationsOf(user);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          title: 'Groceries is over budget',
          body: `You have spent €106.50 of your €100.00 budget in the period from ${today().slice(0, 7)}-01.`,
        }),
      ]);
      const mails = await eventually(async () => {
        const received = mailTo(user);
        expect(received).toHaveLength(1);
        return received;
      });
      expect(mails[0].subject).toBe('Budget alert: Groceries is over budget');
      // Pushes reach a socket in order: a later write's event comes after every push of this one.
      const marker = await post(user, 'transactions', {
        amountCents: 1,
        currency: 'EUR',
        type: 'income',
        description: 'Marker',
        occurredOn: today(),
      }).expect(201);
      await socket.next(
        RealtimeEvent.TransactionCreated,
        (e) => e.payload.transactionId === marker.body.id,
      );
      expect(socket.of(RealtimeEvent.BudgetThresholdCrossed).map((e) => e.payload)).toEqual([
        expect.objectContaining({ thresholdPercent: 100 }),
      ]);
      expect(socket.of(RealtimeEvent.NotificationCreated)).toHaveLength(1);

      // Both thresholds stay recorded, so neither is announced again this period.
      const recorded = await testApp.http.get('/api/v1/budgets/alerts').set(user.auth).expect(200);
      expect(
        recorded.body.items.map((alert: { thresholdPercent: number }) => alert.thresholdPercent),
      ).toEqual([100, 80]);
    } finally {
      events.off(DomainEvent.BudgetThresholdCrossed, record);
    }
  });

  it('stores one notification for a crossing announced twice', async () => {
    const events = testApp.app.get(EventEmitter2);
    const crossings: BudgetThresholdCrossedPayload[] = [];
    const record = (crossing: BudgetThresholdCrossedPayload) => crossings.push(crossing);
    events.on(DomainEvent.BudgetThresholdCrossed, record);
    try {
      const user = await registerUser(testApp, 'twice');
      const budget = await groceriesBudget(user);
      await spend(user, budget.categoryId, 9_000);
      expect(crossings).toHaveLength(1);
      // The same crossing again, at once and later: still one notification.
      await Promise.all([
        events.emitAsync(DomainEvent.BudgetThresholdCrossed, crossings[0]),
        events.emitAsync(DomainEvent.BudgetThresholdCrossed, crossings[0]),
      ]);
      const list = await notificationsOf(user);
      expect(list.body).toMatchObject({ total: 1, unreadCount: 1 });
      const [{ count }] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM user_notifications WHERE user_id = $1`,
        [user.id],
      );
      expect(count).toBe(1);
    } finally {
      events.off(DomainEvent.BudgetThresholdCrossed, record);
    }
  });

  it('emails a crossing only to owners who opted in, once per crossing', async () => {
    const quiet = await registerUser(testApp, 'quiet');
    const keen = await registerUser(testApp, 'keen');
    expect(
      (await testApp.http.get('/api/v1/users/me/preferences').set(keen.auth).expect(200)).body,
    ).toEqual({ ...DEFAULT_PREFERENCES, budgetAlertEmails: false });
    const opted = await testApp.http
      .patch('/api/v1/users/me/preferences')
      .set(keen.auth)
      .send({ budgetAlertEmails: true })
      .expect(200);
    expect(opted.body).toEqual({ ...DEFAULT_PREFERENCES, budgetAlertEmails: true });
    expect(
      (await testApp.http.get('/api/v1/users/me/preferences').set(keen.auth).expect(200)).body,
    ).toEqual({ ...DEFAULT_PREFERENCES, budgetAlertEmails: true });
    expect(
      (await testApp.http.get('/api/v1/users/me/preferences').set(quiet.auth).expect(200)).body,
    ).toEqual({ ...DEFAULT_PREFERENCES, budgetAlertEmails: false });

    const quietBudget = await groceriesBudget(quiet);
    const keenBudget = await groceriesBudget(keen);
    await spend(quiet, quietBudget.categoryId, 8_000);
    await spend(keen, keenBudget.categoryId, 8_000);

    // Both are notified in the app; only the one who opted in by email.
    expect((await notificationsOf(quiet)).body.total).toBe(1);
    expect((await notificationsOf(keen)).body.total).toBe(1);
    expect(mailTo(quiet)).toEqual([]);
    const [mail] = await eventually(async () => {
      const received = mailTo(keen);
      expect(received).toHaveLength(1);
      return received;
    });
    expect(mail.subject).toBe('Budget alert: Groceries is at 80% of its budget');
    expect(mail.from?.value[0].address).toBe('alerts@localhost');
    expect(mail.text).toContain('You have spent €80.00 of your €100.00 budget');
    expect(mail.text).toContain(`${PUBLIC_URL}/budgets`);
    expect(mail.html).toContain(`<a href="${PUBLIC_URL}/budgets">`);
    expect(mail.html).toContain('<h1>Groceries is at 80% of its budget</h1>');

    // Spending more below 100 % sends nothing; crossing 100 % sends the one more email.
    await spend(keen, keenBudget.categoryId, 500);
    await spend(keen, keenBudget.categoryId, 1_500);
    expect(mailTo(keen).map((received) => received.subject)).toEqual([
      'Budget alert: Groceries is at 80% of its budget',
      'Budget alert: Groceries is over budget',
    ]);

    // Opting out again stops the emails; the app still notifies.
    await testApp.http
      .patch('/api/v1/users/me/preferences')
      .set(keen.auth)
      .send({ budgetAlertEmails: false })
      .expect(200);
    const other = await post(keen, 'budgets', {
      period: 'weekly',
      limitCents: 1_000,
      currency: 'EUR',
      startDate: '2020-01-01',
      alertThresholds: [50],
    }).expect(201);
    await spend(keen, keenBudget.categoryId, 100);
    expect((await notificationsOf(keen)).body.items[0]).toMatchObject({
      title: 'All spending is at 50% of its budget',
      data: expect.objectContaining({ budgetId: other.body.id, categoryId: null }),
    });
    expect(mailTo(keen)).toHaveLength(2);
  });

  it('keeps the notification when the email is refused, and fails nothing', async () => {
    const user = await registerUser(testApp, 'refused');
    await testApp.http
      .patch('/api/v1/users/me/preferences')
      .set(user.auth)
      .send({ budgetAlertEmails: true })
      .expect(200);
    const budget = await groceriesBudget(user);
    // spend() waits for the listener: it settles (never rejects) although the send failed.
    await spend(user, budget.categoryId, 9_000);
    expect((await notificationsOf(user)).body).toMatchObject({ total: 1, unreadCount: 1 });
    expect(mailTo(user)).toEqual([]);
  });

  it('refuses a preferences body that is not a yes or no, field by field', async () => {
    const user = await registerUser(testApp, 'prefs');
    for (const budgetAlertEmails of ['yes', 1, null]) {
      const refused = await testApp.http
        .patch('/api/v1/users/me/preferences')
        .set(user.auth)
        .send({ budgetAlertEmails })
        .expect(400);
      expect(refused.body.details).toEqual({
        budgetAlertEmails: ['budgetAlertEmails must be true or false'],
      });
    }
    const unknown = await testApp.http
      .patch('/api/v1/users/me/preferences')
      .set(user.auth)
      .send({ budgetAlertEmails: true, smsAlerts: true })
      .expect(400);
    expect(unknown.body.details).toEqual({ smsAlerts: ['property smsAlerts should not exist'] });
    const unchanged = await testApp.http
      .patch('/api/v1/users/me/preferences')
      .set(user.auth)
      .send({})
      .expect(200);
    expect(unchanged.body).toEqual({ ...DEFAULT_PREFERENCES, budgetAlertEmails: false });
    await testApp.http.get('/api/v1/users/me/preferences').expect(401);
  });

  it('records preference changes in the row history under the user who made them', async () => {
    const user = await registerUser(testApp, 'history');
    await testApp.http
      .patch('/api/v1/users/me/preferences')
      .set(user.auth)
      .send({ budgetAlertEmails: true })
      .expect(200);
    const [change] = await testApp.dataSource.query(
      `SELECT user_id, changed_columns, new_data -> 'email_budget_alerts' AS value
         FROM audit_changes WHERE table_name = 'users' AND row_id = $1 AND action = 'UPDATE'`,
      [user.id],
    );
    expect(change).toEqual({
      user_id: user.id,
      changed_columns: ['email_budget_alerts', 'updated_at', 'updated_by'],
      value: true,
    });
  });

  it('pushes notification.created to the owner’s sockets only', async () => {
    const owner = await registerUser(testApp, 'live');
    const other = await registerUser(testApp, 'elsewhere');
    const ownerSocket = await connectClient(url, owner.token);
    const otherSocket = await connectClient(url, other.token);
    const budget = await groceriesBudget(owner);

    await spend(owner, budget.categoryId, 8_000);
    const pushed = await ownerSocket.next(RealtimeEvent.NotificationCreated);
    const [stored] = (await notificationsOf(owner)).body.items as NotificationSnapshot[];
    expect(pushed.payload).toEqual(stored);
    expect(pushed.payload.title).toBe('Groceries is at 80% of its budget');
    expect(pushed.traceId).toEqual(expect.any(String));

    // Pushes reach a socket in order: had the owner's event gone to the other user, it would be there.
    const marker = await post(other, 'transactions', {
      amountCents: 1,
      currency: 'EUR',
      type: 'expense',
      description: 'Marker',
      occurredOn: today(),
    }).expect(201);
    await otherSocket.next(
      RealtimeEvent.TransactionCreated,
      (e) => e.payload.transactionId === marker.body.id,
    );
    expect(otherSocket.of(RealtimeEvent.NotificationCreated)).toEqual([]);
  });
});
