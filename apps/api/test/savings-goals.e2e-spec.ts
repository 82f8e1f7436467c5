import { APP_ROLE, UserContext } from '../src/database/user-context';
import { addMonths, goalProgressOf, paceBaselineDay } from '../src/modules/goals/goal-progress';
import { GoalsDemoSeeder } from '../src/modules/goals';
import { statementsSentBy } from './support/statements';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

interface Goal {
  id: string;
  accountId: string | null;
  reachedOn: string | null;
  progress: {
    savedCents: string;
    remainingCents: string;
    percent: number;
    neededPerMonthCents: string | null;
    paceCents: string;
    projectedMonth: string | null;
    reached: boolean;
  };
}

describe('savings goals (API)', () => {
  let testApp: TestApp;
  let ada: SignedInUser;
  let bob: SignedInUser;
  // Test users keep the default time zone, UTC.
  const today = new Date().toISOString().slice(0, 10);
  const inSixMonths = addMonths(today, 6);

  const holiday = {
    name: 'Holiday',
    targetCents: 120_000,
    currency: 'EUR',
    targetDate: inSixMonths,
  };

  const createGoal = async (user: SignedInUser, body: object) =>
    (await testApp.http.post('/api/v1/goals').set(user.auth).send(body).expect(201)).body as Goal;

  const getGoal = async (user: SignedInUser, id: string) =>
    (await testApp.http.get(`/api/v1/goals/${id}`).set(user.auth).expect(200)).body as Goal;

  const contribute = (user: SignedInUser, goalId: string, body: object) =>
    testApp.http.post(`/api/v1/goals/${goalId}/contributions`).set(user.auth).send(body);

  const createAccount = async (user: SignedInUser, body: object) =>
    (
      await testApp.http
        .post('/api/v1/accounts')
        .set(user.auth)
        .send({ kind: 'savings', currency: 'EUR', ...body })
        .expect(201)
    ).body as { id: string };

  beforeAll(async () => {
    testApp = await createTestApp();
    ada = await registerUser(testApp, 'ada');
    bob = await registerUser(testApp, 'bob');
  });
  afterAll(() => testApp.close());

  it('creates, reads, lists, changes and deletes a goal, and keeps its history', async () => {
    const created = await testApp.http
      .post('/api/v1/goals')
      .set(ada.auth)
      .send({ ...holiday, name: ' Holiday ', currency: 'eur' })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Holiday',
      targetCents: 120_000,
      currency: 'EUR',
      targetDate: inSixMonths,
      accountId: null,
      reachedOn: null,
      progress: {
        savedCents: '0',
        remainingCents: '120000',
        percent: 0,
        neededPerMonthCents: '20000',
        paceCents: '0',
        projectedMonth: null,
        reached: false,
      },
    });
    const { id } = created.body as Goal;
    const list = await testApp.http.get('/api/v1/goals').set(ada.auth).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1 });
    expect(list.body.items.map((goal: Goal) => goal.id)).toEqual([id]);

    const changed = await testApp.http
      .patch(`/api/v1/goals/${id}`)
      .set(ada.auth)
      .send({ targetCents: 60_000, targetDate: null })
      .expect(200);
    expect(changed.body).toMatchObject({ targetCents: 60_000, targetDate: null });
    expect(changed.body.progress.neededPerMonthCents).toBeNull();

    await testApp.http.delete(`/api/v1/goals/${id}`).set(ada.auth).expect(204);
    await testApp.http.get(`/api/v1/goals/${id}`).set(ada.auth).expect(404);
    const history = await testApp.http.get(`/api/v1/goals/${id}/history`).set(ada.auth).expect(200);
    const items = history.body.items as {
      action: string;
      deleted: boolean;
      changes: { field: string; from: unknown; to: unknown }[];
    }[];
    expect(items.map((item) => [item.action, item.deleted])).toEqual([
      ['INSERT', false],
      ['UPDATE', false],
      ['UPDATE', true],
    ]);
    expect(items[1].changes).toEqual(
      expect.arrayContaining([{ field: 'targetCents', from: 120_000, to: 60_000 }]),
    );
    await testApp.http.get(`/api/v1/goals/${id}/history`).set(bob.auth).expect(404);
  });

  it('refuses bad input with a plain message per field', async () => {
    const empty = await testApp.http.post('/api/v1/goals').set(ada.auth).send({}).expect(400);
    expect(Object.keys(empty.body.details)).toEqual(
      expect.arrayContaining(['name', 'targetCents', 'currency']),
    );
    const bad = await testApp.http
      .post('/api/v1/goals')
      .set(ada.auth)
      .send({
        name: 'x',
        targetCents: 0,
        currency: 'EURO',
        targetDate: '2026-02-30',
        accountId: 'no',
      })
      .expect(400);
    expect(bad.body.details).toMatchObject({
      targetCents: ['targetCents must be positive'],
      currency: ['currency must be an ISO 4217 code such as EUR'],
      targetDate: ['targetDate must be a date written YYYY-MM-DD'],
      accountId: ['accountId must be a UUID'],
    });

    const goal = await createGoal(ada, holiday);
    const zero = await contribute(ada, goal.id, { amountCents: 0 }).expect(400);
    expect(zero.body.details.amountCents).toEqual(['amountCents must not be zero']);
    const future = await contribute(ada, goal.id, {
      amountCents: 100,
      contributedOn: addMonths(today, 1),
    }).expect(400);
    expect(future.body.details.contributedOn).toEqual([
      `contributedOn must be today (${today}) or earlier`,
    ]);
    await testApp.http
      .delete(`/api/v1/goals/${goal.id}/contributions/not-a-uuid`)
      .set(ada.auth)
      .expect(400);
  });

  it('measures a manual goal by its contributions, withdrawals included, and marks it reached', async () => {
    const goal = await createGoal(ada, { ...holiday, name: 'Bike' });
    const monthStart = `${today.slice(0, 8)}01`;
    const first = await contribute(ada, goal.id, {
      amountCents: 30_000,
      contributedOn: addMonths(monthStart, -2),
      note: ' first ',
    }).expect(201);
    expect(first.body).toMatchObject({
      goalId: goal.id,
      amountCents: 30_000,
      contributedOn: addMonths(monthStart, -2),
      note: 'first',
    });
    await contribute(ada, goal.id, { amountCents: 30_000, contributedOn: monthStart }).expect(201);
    const withdrawal = await contribute(ada, goal.id, { amountCents: -10_000 }).expect(201);
    expect(withdrawal.body.contributedOn).toBe(today);

    const measured = await getGoal(ada, goal.id);
    expect(measured.progress).toEqual(
      goalProgressOf(
        { targetCents: 120_000, targetDate: inSixMonths },
        { savedCents: '50000', savedAtBaselineCents: '0' },
        today,
      ),
    );
    expect(measured.progress.savedCents).toBe('50000');

    const list = await testApp.http
      .get(`/api/v1/goals/${goal.id}/contributions`)
      .set(ada.auth)
      .expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((c: { amountCents: number }) => c.amountCents)).toEqual([
      -10_000, 30_000, 30_000,
    ]);
    await testApp.http
      .delete(`/api/v1/goals/${goal.id}/contributions/${withdrawal.body.id}`)
      .set(ada.auth)
      .expect(204);
    await testApp.http
      .delete(`/api/v1/goals/${goal.id}/contributions/${withdrawal.body.id}`)
      .set(ada.auth)
      .expect(404);
    expect((await getGoal(ada, goal.id)).progress.savedCents).toBe('60000');

    await contribute(ada, goal.id, { amountCents: 60_000 }).expect(201);
    const reached = await getGoal(ada, goal.id);
    expect(reached).toMatchObject({
      reachedOn: today,
      progress: { percent: 100, remainingCents: '0', reached: true, projectedMonth: null },
    });
    // Spending the savings keeps the goal reached; a higher target measures it afresh.
    await contribute(ada, goal.id, { amountCents: -100_000 }).expect(201);
    expect((await getGoal(ada, goal.id)).progress.reached).toBe(true);
    const raised = await testApp.http
      .patch(`/api/v1/goals/${goal.id}`)
      .set(ada.auth)
      .send({ targetCents: 200_000 })
      .expect(200);
    expect(raised.body).toMatchObject({ reachedOn: null, progress: { reached: false } });
  });

  it("follows a linked account's balance and its pace since the baseline, and takes no contributions", async () => {
    const account = await createAccount(ada, {
      name: 'Holiday savings',
      openingBalanceCents: 100_000,
      openingDate: '2020-01-01',
    });
    await testApp.http
      .post('/api/v1/transactions')
      .set(ada.auth)
      .send({
        type: 'income',
        amountCents: 35_000,
        currency: 'EUR',
        description: 'put aside',
        occurredOn: today,
        accountId: account.id,
      })
      .expect(201);
    const goal = await createGoal(ada, {
      ...holiday,
      name: 'Linked',
      targetCents: 200_000,
      accountId: account.id,
    });
    expect(goal.accountId).toBe(account.id);
    expect(goal.progress).toEqual(
      goalProgressOf(
        { targetCents: 200_000, targetDate: inSixMonths },
        { savedCents: '135000', savedAtBaselineCents: '100000' },
        today,
      ),
    );
    expect(Number(goal.progress.paceCents)).toBeGreaterThan(0);
    expect(paceBaselineDay(today) < today).toBe(true);

    const refused = await contribute(ada, goal.id, { amountCents: 100 }).expect(409);
    expect(refused.body.details.amountCents).toEqual([
      "this goal follows its account's balance: contributions are for goals without an account",
    ]);

    // The account's currency is the goal's.
    const otherCurrency = await testApp.http
      .post('/api/v1/goals')
      .set(ada.auth)
      .send({ ...holiday, currency: 'USD', accountId: account.id })
      .expect(400);
    expect(otherCurrency.body.details.accountId).toEqual([
      "the account is in EUR: a linked goal must be in its account's currency",
    ]);

    // A manual goal with contributions is not linked until they are gone.
    const manual = await createGoal(ada, { ...holiday, name: 'Manual' });
    await contribute(ada, manual.id, { amountCents: 500 }).expect(201);
    const linking = await testApp.http
      .patch(`/api/v1/goals/${manual.id}`)
      .set(ada.auth)
      .send({ accountId: account.id })
      .expect(409);
    expect(Object.keys(linking.body.details)).toEqual(['accountId']);
  });

  it("hides another user's goals, contributions and accounts", async () => {
    const goal = await createGoal(ada, { ...holiday, name: 'Private' });
    await contribute(ada, goal.id, { amountCents: 1_000 }).expect(201);
    const account = await createAccount(ada, { name: 'Private account' });

    const list = await testApp.http.get('/api/v1/goals').set(bob.auth).expect(200);
    expect(list.body.total).toBe(0);
    await testApp.http.get(`/api/v1/goals/${goal.id}`).set(bob.auth).expect(404);
    await testApp.http
      .patch(`/api/v1/goals/${goal.id}`)
      .set(bob.auth)
      .send({ name: 'x' })
      .expect(404);
    await testApp.http.delete(`/api/v1/goals/${goal.id}`).set(bob.auth).expect(404);
    await testApp.http.get(`/api/v1/goals/${goal.id}/contributions`).set(bob.auth).expect(404);
    await contribute(bob, goal.id, { amountCents: 1 }).expect(404);
    // Linking someone else's account: no such account.
    const linked = await testApp.http
      .post('/api/v1/goals')
      .set(bob.auth)
      .send({ ...holiday, accountId: account.id })
      .expect(404);
    expect(linked.body.details.accountId).toEqual(['account not found']);

    const userContext = testApp.app.get(UserContext);
    const asBob = await userContext.runAs(bob.id, (manager) =>
      manager.query(
        'SELECT id FROM savings_goals UNION ALL SELECT id FROM savings_goal_contributions',
      ),
    );
    expect(asBob).toEqual([]);
    const withoutUser = await testApp.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL ROLE ${APP_ROLE}`);
      return manager.query(
        'SELECT id FROM savings_goals UNION ALL SELECT id FROM savings_goal_contributions',
      );
    });
    expect(withoutUser).toEqual([]);
  });

  it('never leaks one user’s goals to the next request on a pooled connection', async () => {
    const users = [await registerUser(testApp, 'carol'), await registerUser(testApp, 'dan')];
    const goalOf = new Map<string, string>();
    for (const user of users) {
      goalOf.set(user.id, (await createGoal(user, { ...holiday, name: `mine:${user.id}` })).id);
    }
    const requests = Array.from({ length: 40 }, (_, i) => users[i % users.length]).map(
      async (user) => {
        const response = await testApp.http.get('/api/v1/goals').set(user.auth).expect(200);
        return { user, ids: response.body.items.map((goal: Goal) => goal.id) as string[] };
      },
    );
    for (const { user, ids } of await Promise.all(requests)) {
      expect(ids).toEqual([goalOf.get(user.id)]);
    }
  });

  it('reads any number of goals in a constant number of statements (no N+1)', async () => {
    const user = await registerUser(testApp, 'many');
    const addGoals = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const account = await createAccount(user, { name: `Saving ${i}-${Date.now()}` });
        await createGoal(user, { ...holiday, name: `Linked ${i}`, accountId: account.id });
        const manual = await createGoal(user, { ...holiday, name: `Manual ${i}` });
        await contribute(user, manual.id, { amountCents: 100 }).expect(201);
      }
    };
    const statementsOfList = async () =>
      (
        await statementsSentBy(() =>
          testApp.http.get('/api/v1/goals?limit=100').set(user.auth).expect(200),
        )
      ).map(({ sql }) => sql);
    await addGoals(1);
    const withTwo = await statementsOfList();
    await addGoals(5);
    const withTwelve = await statementsOfList();
    expect(withTwelve.length).toBe(withTwo.length);
    // BEGIN, context, goals with today, contributions' sums, balances today and at the
    // baseline, COMMIT.
    expect(withTwo).toHaveLength(7);
    expect(withTwo.filter((sql) => sql.includes('FROM accounts a'))).toHaveLength(2);
  });

  it('seeds the demo user’s holiday goal: manual, three monthly contributions', async () => {
    const user = await registerUser(testApp, 'demo');
    const seeder = testApp.app.get(GoalsDemoSeeder);
    const userContext = testApp.app.get(UserContext);
    const seeded = await userContext.runAs(user.id, (manager) =>
      seeder.seedDemo(manager, new Date(), 'EUR'),
    );
    expect(seeded).toMatchObject({ name: 'Holiday', accountId: null, targetCents: 150_000 });
    expect(seeded.progress.savedCents).toBe('60000');
    expect(Number(seeded.progress.paceCents)).toBeGreaterThan(0);
    expect(seeded.progress.projectedMonth).not.toBeNull();
    const contributions = await testApp.http
      .get(`/api/v1/goals/${seeded.id}/contributions`)
      .set(user.auth)
      .expect(200);
    expect(contributions.body.items.map((c: { contributedOn: string }) => c.contributedOn)).toEqual(
      [0, -1, -2].map((months) => addMonths(`${today.slice(0, 8)}01`, months)),
    );
  });
});
