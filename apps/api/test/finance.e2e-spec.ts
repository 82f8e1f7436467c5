import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

describe('categories, transactions and budgets', () => {
  let testApp: TestApp;
  let ada: SignedInUser;

  beforeAll(async () => {
    testApp = await createTestApp();
    ada = await registerUser(testApp, 'ada');
  });
  afterAll(() => testApp.close());

  const post = (user: SignedInUser, path: string, body: object) =>
    testApp.http.post(`/api/v1/${path}`).set(user.auth).send(body);

  it('creates, reads, updates and soft-deletes a category; names are unique per user', async () => {
    const created = await post(ada, 'categories', {
      name: 'Food',
      kind: 'expense',
      color: '#22c55e',
    }).expect(201);
    expect(created.body).toMatchObject({ name: 'Food', kind: 'expense', color: '#22c55e' });

    const clash = await post(ada, 'categories', { name: 'food', kind: 'expense' }).expect(409);
    expect(clash.body.message).toBe("A category named 'food' already exists");
    expect(clash.body.details).toEqual({ name: ["a category named 'food' already exists"] });

    const renamed = await testApp.http
      .patch(`/api/v1/categories/${created.body.id}`)
      .set(ada.auth)
      .send({ name: 'Food & drink' })
      .expect(200);
    expect(renamed.body.name).toBe('Food & drink');

    await testApp.http.delete(`/api/v1/categories/${created.body.id}`).set(ada.auth).expect(204);
    await testApp.http.get(`/api/v1/categories/${created.body.id}`).set(ada.auth).expect(404);
    await testApp.http.delete(`/api/v1/categories/${created.body.id}`).set(ada.auth).expect(404);
    await testApp.http
      .patch(`/api/v1/categories/${created.body.id}`)
      .set(ada.auth)
      .send({ name: 'x' })
      .expect(404);
    const list = await testApp.http.get('/api/v1/categories').set(ada.auth).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
    // The name is free again once the category is deleted.
    await post(ada, 'categories', { name: 'Food & drink', kind: 'expense' }).expect(201);
  });

  it('fills audit columns from the request context in the database', async () => {
    const category = await post(ada, 'categories', { name: 'Audited', kind: 'expense' }).expect(
      201,
    );
    await testApp.http
      .patch(`/api/v1/categories/${category.body.id}`)
      .set(ada.auth)
      .send({ color: '#000000' })
      .expect(200);
    await testApp.http.delete(`/api/v1/categories/${category.body.id}`).set(ada.auth).expect(204);
    const [row] = await testApp.dataSource.query(
      `SELECT user_id, created_by, updated_by, deleted_by, deleted_at, created_at <= updated_at AS ordered
       FROM categories WHERE id = $1`,
      [category.body.id],
    );
    expect(row).toMatchObject({
      user_id: ada.id,
      created_by: ada.id,
      updated_by: ada.id,
      deleted_by: ada.id,
      ordered: true,
    });
    expect(row.deleted_at).toBeInstanceOf(Date);
  });

  it('takes the transaction type from the category and refuses a contradiction', async () => {
    const salary = await post(ada, 'categories', { name: 'Salary', kind: 'income' }).expect(201);
    const tx = await post(ada, 'transactions', {
      amountCents: 250_000,
      currency: 'eur',
      description: 'November salary',
      categoryId: salary.body.id,
      occurredOn: '2026-11-01',
    }).expect(201);
    expect(tx.body).toMatchObject({
      type: 'income',
      currency: 'EUR',
      amountCents: 250_000,
      category: { name: 'Salary' },
    });

    const contradiction = await post(ada, 'transactions', {
      amountCents: 100,
      currency: 'EUR',
      description: 'x',
      categoryId: salary.body.id,
      type: 'expense',
      occurredOn: '2026-11-01',
    }).expect(422);
    expect(contradiction.body.details.type[0]).toMatch(/must be income/);

    const noType = await post(ada, 'transactions', {
      amountCents: 100,
      currency: 'EUR',
      description: 'x',
      occurredOn: '2026-11-01',
    }).expect(422);
    expect(noType.body.details).toHaveProperty('type');
  });

  it('edits a transaction whose category was since deleted or changed its kind', async () => {
    const category = await post(ada, 'categories', { name: 'Old gym', kind: 'expense' }).expect(
      201,
    );
    const transaction = await post(ada, 'transactions', {
      amountCents: 3000,
      currency: 'EUR',
      description: 'Gym',
      occurredOn: '2026-11-02',
      categoryId: category.body.id,
    }).expect(201);
    const patch = (body: object) =>
      testApp.http.patch(`/api/v1/transactions/${transaction.body.id}`).set(ada.auth).send(body);

    await testApp.http
      .patch(`/api/v1/categories/${category.body.id}`)
      .set(ada.auth)
      .send({ kind: 'income' })
      .expect(200);
    // An edit form sends the fields back as they were: same category, same type.
    await patch({
      description: 'Gym (kept)',
      categoryId: category.body.id,
      type: 'expense',
    }).expect(200);

    await testApp.http.delete(`/api/v1/categories/${category.body.id}`).set(ada.auth).expect(204);
    const edited = await patch({
      description: 'Gym, old plan',
      categoryId: category.body.id,
    }).expect(200);
    expect(edited.body).toMatchObject({
      description: 'Gym, old plan',
      categoryId: category.body.id,
      type: 'expense',
    });
    // Moving it to the deleted category from elsewhere is still refused.
    const other = await post(ada, 'transactions', {
      amountCents: 100,
      currency: 'EUR',
      description: 'Other',
      occurredOn: '2026-11-02',
      type: 'expense',
    }).expect(201);
    await testApp.http
      .patch(`/api/v1/transactions/${other.body.id}`)
      .set(ada.auth)
      .send({ categoryId: category.body.id })
      .expect(404);
  });

  it('validates transactions field by field and writes nothing on bad input', async () => {
    const before = await testApp.http.get('/api/v1/transactions').set(ada.auth).expect(200);
    const response = await post(ada, 'transactions', {
      amountCents: -5,
      currency: 'EURO',
      description: '',
      occurredOn: '2026-02-30',
      categoryId: 'nope',
    }).expect(400);
    expect(Object.keys(response.body.details).sort()).toEqual([
      'amountCents',
      'categoryId',
      'currency',
      'description',
      'occurredOn',
    ]);
    expect(response.body.details.occurredOn).toEqual([
      'occurredOn must be a date written YYYY-MM-DD',
    ]);
    const fractional = await post(ada, 'transactions', {
      amountCents: 10.5,
      currency: 'EUR',
      description: 'x',
      type: 'expense',
      occurredOn: '2026-11-01',
    }).expect(400);
    expect(fractional.body.details.amountCents).toContain(
      'amountCents must be a whole number of cents',
    );
    const after = await testApp.http.get('/api/v1/transactions').set(ada.auth).expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('answers 404 for a missing category and for a malformed or unknown id', async () => {
    const missing = await post(ada, 'transactions', {
      amountCents: 100,
      currency: 'EUR',
      description: 'x',
      categoryId: '00000000-0000-4000-8000-000000000000',
      occurredOn: '2026-11-01',
    }).expect(404);
    expect(missing.body.details).toEqual({ categoryId: ['category not found'] });
    await testApp.http.get('/api/v1/transactions/not-a-uuid').set(ada.auth).expect(400);
    await testApp.http
      .get('/api/v1/transactions/00000000-0000-4000-8000-000000000000')
      .set(ada.auth)
      .expect(404);
  });

  it('lists with filters, sorting and pagination', async () => {
    const user = await registerUser(testApp, 'lister');
    const groceries = await post(user, 'categories', { name: 'Groceries', kind: 'expense' }).expect(
      201,
    );
    const rows = [
      { amountCents: 1_000, description: 'Bakery', occurredOn: '2026-10-01' },
      { amountCents: 5_000, description: 'Supermarket', occurredOn: '2026-10-15' },
      { amountCents: 9_000, description: 'Big supermarket run', occurredOn: '2026-11-02' },
      {
        amountCents: 300,
        description: 'Coffee',
        notes: 'Beans for the supermarket week, 100% arabica',
        occurredOn: '2026-11-03',
        categoryId: null,
        type: 'expense',
      },
    ];
    for (const row of rows) {
      await post(user, 'transactions', {
        currency: 'EUR',
        categoryId: groceries.body.id,
        ...row,
      }).expect(201);
    }
    const list = (query: string) =>
      testApp.http.get(`/api/v1/transactions?${query}`).set(user.auth).expect(200);

    const all = await list('');
    expect(all.body).toMatchObject({ total: 4, page: 1, limit: 20 });
    expect(all.body.items.map((t: { description: string }) => t.description)).toEqual([
      'Coffee',
      'Big supermarket run',
      'Supermarket',
      'Bakery',
    ]);
    // Text matches the description or the notes; % and _ are plain characters.
    expect((await list('q=SUPERMARKET')).body.total).toBe(3);
    expect((await list('q=100%25')).body.items).toEqual([
      expect.objectContaining({ description: 'Coffee' }),
    ]);
    expect((await list('q=10_%25')).body.total).toBe(0);
    expect((await list('from=2026-10-10&to=2026-11-02')).body.total).toBe(2);
    expect((await list(`categoryId=${groceries.body.id}`)).body.total).toBe(3);
    expect((await list('minAmountCents=1000&maxAmountCents=5000')).body.total).toBe(2);
    const page = await list('sort=amountCents&order=asc&limit=2&page=2');
    expect(page.body.items.map((t: { amountCents: number }) => t.amountCents)).toEqual([
      5_000, 9_000,
    ]);
    expect(page.body.total).toBe(4);

    const bad = await testApp.http
      .get('/api/v1/transactions?limit=500&sort=password')
      .set(user.auth)
      .expect(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['limit', 'sort']);
    await testApp.http
      .get('/api/v1/transactions?minAmountCents=10&maxAmountCents=5')
      .set(user.auth)
      .expect(422);
  });

  it('updates partially and soft-deletes transactions', async () => {
    const tx = await post(ada, 'transactions', {
      amountCents: 1_234,
      currency: 'USD',
      description: 'Taxi',
      type: 'expense',
      occurredOn: '2026-11-05',
      notes: 'airport',
    }).expect(201);
    const patched = await testApp.http
      .patch(`/api/v1/transactions/${tx.body.id}`)
      .set(ada.auth)
      .send({ amountCents: 1_500, notes: null })
      .expect(200);
    expect(patched.body).toMatchObject({
      amountCents: 1_500,
      notes: null,
      description: 'Taxi',
      currency: 'USD',
    });
    const nullRequired = await testApp.http
      .patch(`/api/v1/transactions/${tx.body.id}`)
      .set(ada.auth)
      .send({ description: null })
      .expect(400);
    expect(nullRequired.body.details).toHaveProperty('description');

    await testApp.http.delete(`/api/v1/transactions/${tx.body.id}`).set(ada.auth).expect(204);
    await testApp.http.get(`/api/v1/transactions/${tx.body.id}`).set(ada.auth).expect(404);
    await testApp.http.delete(`/api/v1/transactions/${tx.body.id}`).set(ada.auth).expect(404);
    const [row] = await testApp.dataSource.query(
      'SELECT deleted_by FROM transactions WHERE id = $1',
      [tx.body.id],
    );
    expect(row.deleted_by).toBe(ada.id);
  });

  it('computes budget status in SQL and records each threshold crossing once', async () => {
    const user = await registerUser(testApp, 'budgeter');
    const food = await post(user, 'categories', { name: 'Food', kind: 'expense' }).expect(201);
    const today = new Date().toISOString().slice(0, 10);
    const budget = await post(user, 'budgets', {
      categoryId: food.body.id,
      period: 'monthly',
      limitCents: 10_000,
      currency: 'EUR',
      startDate: '2020-01-01',
    }).expect(201);
    expect(budget.body).toMatchObject({
      spentCents: '0',
      remainingCents: '10000',
      percentUsed: 0,
      status: 'on_track',
      alertThresholds: [80, 100],
    });
    expect(budget.body.periodStart).toBe(`${today.slice(0, 7)}-01`);

    const spend = (amountCents: number) =>
      post(user, 'transactions', {
        amountCents,
        currency: 'EUR',
        categoryId: food.body.id,
        description: 'food',
        occurredOn: today,
      }).expect(201);
    await spend(7_000);
    let read = await testApp.http
      .get(`/api/v1/budgets/${budget.body.id}`)
      .set(user.auth)
      .expect(200);
    expect(read.body).toMatchObject({
      spentCents: '7000',
      remainingCents: '3000',
      percentUsed: 70,
      status: 'on_track',
    });

    await spend(1_500);
    read = await testApp.http.get(`/api/v1/budgets/${budget.body.id}`).set(user.auth).expect(200);
    expect(read.body).toMatchObject({ spentCents: '8500', percentUsed: 85, status: 'warning' });

    await spend(2_000);
    await spend(100);
    read = await testApp.http.get(`/api/v1/budgets/${budget.body.id}`).set(user.auth).expect(200);
    expect(read.body).toMatchObject({
      spentCents: '10600',
      remainingCents: '-600',
      status: 'over',
    });

    const alerts = await testApp.http.get('/api/v1/budgets/alerts').set(user.auth).expect(200);
    expect(alerts.body.total).toBe(2);
    expect(
      alerts.body.items.map((a: { thresholdPercent: number }) => a.thresholdPercent).sort(),
    ).toEqual([100, 80]);
    expect(alerts.body.items[0]).toMatchObject({ budgetId: budget.body.id, limitCents: 10_000 });

    const unchanged = await testApp.http
      .patch(`/api/v1/budgets/${budget.body.id}`)
      .set(user.auth)
      .send({})
      .expect(200);
    expect(unchanged.body.limitCents).toBe(10_000);
    const lowered = await testApp.http
      .patch(`/api/v1/budgets/${budget.body.id}`)
      .set(user.auth)
      .send({ limitCents: 20_000, alertThresholds: [50] })
      .expect(200);
    expect(lowered.body).toMatchObject({
      limitCents: 20_000,
      alertThresholds: [50],
      percentUsed: 53,
      status: 'warning',
    });

    const duplicate = await post(user, 'budgets', {
      categoryId: food.body.id,
      period: 'monthly',
      limitCents: 5_000,
      currency: 'EUR',
      startDate: '2020-01-01',
    }).expect(409);
    expect(duplicate.body.details).toHaveProperty('categoryId');
  });

  it('emits budget.threshold_crossed in-process after the write commits', async () => {
    const { EventEmitter2 } = await import('@nestjs/event-emitter');
    const events = testApp.app.get(EventEmitter2);
    const seen: unknown[] = [];
    const listener = (payload: unknown) => seen.push(payload);
    events.on('budget.threshold_crossed', listener);
    try {
      const user = await registerUser(testApp, 'events');
      const today = new Date().toISOString().slice(0, 10);
      const overall = await post(user, 'budgets', {
        period: 'weekly',
        limitCents: 1_000,
        currency: 'EUR',
        startDate: '2020-01-01',
      }).expect(201);
      await post(user, 'transactions', {
        amountCents: 900,
        currency: 'EUR',
        type: 'expense',
        description: 'x',
        occurredOn: today,
      }).expect(201);
      expect(seen).toEqual([
        expect.objectContaining({
          userId: user.id,
          budgetId: overall.body.id,
          thresholdPercent: 80,
          spentCents: '900',
          currency: 'EUR',
        }),
      ]);
      await post(user, 'transactions', {
        amountCents: 50,
        currency: 'EUR',
        type: 'expense',
        description: 'y',
        occurredOn: today,
      }).expect(201);
      expect(seen).toHaveLength(1);
    } finally {
      events.off('budget.threshold_crossed', listener);
    }
  });

  it('validates budgets field by field', async () => {
    const response = await post(ada, 'budgets', {
      period: 'daily',
      limitCents: 0,
      currency: 'XXXX',
      startDate: 'yesterday',
      alertThresholds: [80, 80, -1],
    }).expect(400);
    expect(Object.keys(response.body.details).sort()).toEqual([
      'alertThresholds',
      'currency',
      'limitCents',
      'period',
      'startDate',
    ]);
  });
});
