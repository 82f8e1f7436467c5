import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

interface TransferBody {
  id: string;
  fromAccountId: string;
  toAccountId: string;
  amountCents: number;
  toAmountCents: number;
  currency: string;
  toCurrency: string;
  occurredOn: string;
  description: string;
  outTransactionId: string;
  inTransactionId: string;
}

describe('transfers and reconciliation (API)', () => {
  let testApp: TestApp;
  let ada: SignedInUser;
  let bob: SignedInUser;

  const createAccount = async (user: SignedInUser, name: string, currency = 'EUR', opening = 0) =>
    (
      await testApp.http
        .post('/api/v1/accounts')
        .set(user.auth)
        .send({
          name,
          kind: 'checking',
          currency,
          openingBalanceCents: opening,
          openingDate: '2026-01-01',
        })
        .expect(201)
    ).body.id as string;

  const balanceOf = async (user: SignedInUser, id: string) =>
    (await testApp.http.get(`/api/v1/accounts/${id}`).set(user.auth).expect(200)).body
      .balanceCents as string;

  const transfer = (user: SignedInUser, body: object) =>
    testApp.http
      .post('/api/v1/transfers')
      .set(user.auth)
      .send({ occurredOn: '2026-11-02', ...body });

  beforeAll(async () => {
    testApp = await createTestApp();
    ada = await registerUser(testApp, 'ada');
    bob = await registerUser(testApp, 'bob');
  });
  afterAll(() => testApp.close());

  it('moves money between two accounts as two linked rows that are neither income nor spending', async () => {
    const checking = await createAccount(ada, 'Checking', 'EUR', 100_000);
    const savings = await createAccount(ada, 'Savings');
    await testApp.http
      .post('/api/v1/budgets')
      .set(ada.auth)
      .send({ period: 'monthly', limitCents: 1_000, currency: 'EUR', startDate: '2026-01-01' })
      .expect(201);

    const created = await transfer(ada, {
      fromAccountId: checking,
      toAccountId: savings,
      amountCents: 30_000,
      description: 'Put aside',
    }).expect(201);
    const body = created.body as TransferBody;
    expect(body).toMatchObject({
      fromAccountId: checking,
      toAccountId: savings,
      amountCents: 30_000,
      toAmountCents: 30_000,
      currency: 'EUR',
      toCurrency: 'EUR',
      description: 'Put aside',
    });
    expect(await balanceOf(ada, checking)).toBe('70000');
    expect(await balanceOf(ada, savings)).toBe('30000');

    const rows = (
      await testApp.http
        .get('/api/v1/transactions?from=2026-11-01&to=2026-11-30')
        .set(ada.auth)
        .expect(200)
    ).body.items as { id: string; type: string; transferId: string; accountId: string }[];
    expect(
      rows.map(({ type, transferId, accountId }) => ({ type, transferId, accountId })),
    ).toEqual(
      expect.arrayContaining([
        { type: 'transfer_out', transferId: body.id, accountId: checking },
        { type: 'transfer_in', transferId: body.id, accountId: savings },
      ]),
    );

    const totals = await testApp.http
      .get('/api/v1/transactions/totals?from=2026-11-01&to=2026-11-30')
      .set(ada.auth)
      .expect(200);
    expect(totals.body.currencies).toEqual([]);
    const summary = await testApp.http
      .get('/api/v1/transactions/summary?from=2026-11-01&to=2026-11-30')
      .set(ada.auth)
      .expect(200);
    expect(summary.body.categories).toEqual([]);
    const budgets = await testApp.http.get('/api/v1/budgets').set(ada.auth).expect(200);
    expect(budgets.body.items[0].spentCents).toBe('0');
  });

  it('keeps both rows consistent when either is edited or deleted as a transaction', async () => {
    const from = await createAccount(ada, 'Edit from');
    const to = await createAccount(ada, 'Edit to');
    const other = await createAccount(ada, 'Edit other');
    const { body } = await transfer(ada, {
      fromAccountId: from,
      toAccountId: to,
      amountCents: 5_000,
    }).expect(201);

    await testApp.http
      .patch(`/api/v1/transactions/${body.inTransactionId}`)
      .set(ada.auth)
      .send({ amountCents: 7_500, occurredOn: '2026-11-05', accountId: other })
      .expect(200);
    const changed = (
      await testApp.http.get(`/api/v1/transfers/${body.id}`).set(ada.auth).expect(200)
    ).body as TransferBody;
    expect(changed).toMatchObject({
      fromAccountId: from,
      toAccountId: other,
      amountCents: 7_500,
      toAmountCents: 7_500,
      occurredOn: '2026-11-05',
    });
    expect(await balanceOf(ada, from)).toBe('-7500');
    expect(await balanceOf(ada, to)).toBe('0');
    expect(await balanceOf(ada, other)).toBe('7500');

    const refused = await testApp.http
      .patch(`/api/v1/transactions/${body.outTransactionId}`)
      .set(ada.auth)
      .send({ type: 'expense' })
      .expect(422);
    expect(refused.body.details.type[0]).toMatch(/neither income nor spending/);

    await testApp.http
      .delete(`/api/v1/transactions/${body.outTransactionId}`)
      .set(ada.auth)
      .expect(204);
    await testApp.http
      .get(`/api/v1/transactions/${body.inTransactionId}`)
      .set(ada.auth)
      .expect(404);
    await testApp.http.get(`/api/v1/transfers/${body.id}`).set(ada.auth).expect(404);
    expect(await balanceOf(ada, from)).toBe('0');
    expect(await balanceOf(ada, other)).toBe('0');
  });

  it('changes and deletes a transfer as one', async () => {
    const a = await createAccount(ada, 'Whole a');
    const b = await createAccount(ada, 'Whole b');
    const { body } = await transfer(ada, { fromAccountId: a, toAccountId: b, amountCents: 100 });
    const reversed = await testApp.http
      .patch(`/api/v1/transfers/${body.id}`)
      .set(ada.auth)
      .send({ fromAccountId: b, toAccountId: a, amountCents: 250 })
      .expect(200);
    expect(reversed.body).toMatchObject({ fromAccountId: b, toAccountId: a, toAmountCents: 250 });
    expect(await balanceOf(ada, a)).toBe('250');
    await testApp.http.delete(`/api/v1/transfers/${body.id}`).set(ada.auth).expect(204);
    expect(await balanceOf(ada, a)).toBe('0');
    expect(await balanceOf(ada, b)).toBe('0');
  });

  it('asks for the arriving amount between currencies, and refuses one account twice or an archived or unknown one', async () => {
    const euro = await createAccount(ada, 'Euro');
    const dollar = await createAccount(ada, 'Dollar', 'USD');
    const missing = await transfer(ada, {
      fromAccountId: euro,
      toAccountId: dollar,
      amountCents: 10_000,
    }).expect(422);
    expect(missing.body.details.toAmountCents[0]).toMatch(/leaves in EUR and arrives in USD/);
    const exchanged = await transfer(ada, {
      fromAccountId: euro,
      toAccountId: dollar,
      amountCents: 10_000,
      toAmountCents: 10_850,
    }).expect(201);
    expect(exchanged.body).toMatchObject({
      currency: 'EUR',
      toCurrency: 'USD',
      toAmountCents: 10_850,
    });
    expect(await balanceOf(ada, dollar)).toBe('10850');

    const twice = await transfer(ada, { fromAccountId: euro, toAccountId: euro, amountCents: 1 });
    expect(twice.status).toBe(422);
    expect(twice.body.details.toAccountId[0]).toMatch(/another account/);

    const bobs = await createAccount(bob, 'Bob');
    const foreign = await transfer(ada, { fromAccountId: euro, toAccountId: bobs, amountCents: 1 });
    expect(foreign.status).toBe(404);
    expect(foreign.body.details.toAccountId).toEqual(['account not found']);

    const bad = await transfer(ada, { fromAccountId: 'x', toAccountId: euro, amountCents: 0 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['amountCents', 'fromAccountId']);
  });

  it('documents the arriving amount and an opening balance as optional', async () => {
    const { body } = await testApp.http.get('/api/docs-json').expect(200);
    const { CreateTransferDto, CreateAccountDto } = body.components.schemas;
    expect(CreateTransferDto.required).toEqual(
      expect.arrayContaining(['fromAccountId', 'toAccountId', 'amountCents', 'occurredOn']),
    );
    expect(CreateTransferDto.required).not.toContain('toAmountCents');
    expect(CreateAccountDto.required).not.toContain('openingBalanceCents');
  });

  it('reconciles with a statement: shows the difference, books it as an adjustment when asked', async () => {
    const account = await createAccount(ada, 'Reconcile', 'EUR', 10_000);
    await testApp.http
      .post('/api/v1/transactions')
      .set(ada.auth)
      .send({
        accountId: account,
        type: 'expense',
        amountCents: 2_500,
        currency: 'EUR',
        description: 'Groceries',
        occurredOn: '2026-11-10',
      })
      .expect(201);
    const reconcile = (body: object) =>
      testApp.http.post(`/api/v1/accounts/${account}/reconcile`).set(ada.auth).send(body);

    const preview = await reconcile({ statementBalanceCents: 7_300, statementDate: '2026-11-30' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      balanceCents: '7500',
      differenceCents: '-200',
      adjustment: null,
      reconciled: false,
    });
    expect(
      (await testApp.http.get(`/api/v1/accounts/${account}`).set(ada.auth)).body.lastReconciledOn,
    ).toBeNull();

    const booked = await reconcile({
      statementBalanceCents: 7_300,
      statementDate: '2026-11-30',
      bookAdjustment: true,
    }).expect(200);
    expect(booked.body).toMatchObject({ differenceCents: '-200', reconciled: true });
    expect(booked.body.adjustment).toMatchObject({
      type: 'adjustment_out',
      amountCents: 200,
      occurredOn: '2026-11-30',
      accountId: account,
    });
    const after = (await testApp.http.get(`/api/v1/accounts/${account}`).set(ada.auth)).body;
    expect(after).toMatchObject({
      balanceCents: '7300',
      lastReconciledOn: '2026-11-30',
      reconciledBalanceCents: 7_300,
    });
    // The adjustment is not spending.
    const totals = await testApp.http
      .get(`/api/v1/transactions/totals?accountId=${account}`)
      .set(ada.auth)
      .expect(200);
    expect(totals.body.currencies[0].spendingCents).toBe('2500');

    const matching = await reconcile({
      statementBalanceCents: 7_300,
      statementDate: '2026-11-30',
      bookAdjustment: true,
    }).expect(200);
    expect(matching.body).toMatchObject({
      differenceCents: '0',
      adjustment: null,
      reconciled: true,
    });

    const bad = await reconcile({ statementBalanceCents: 'lots', statementDate: '2026-13-01' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual([
      'statementBalanceCents',
      'statementDate',
    ]);
    await testApp.http
      .post(`/api/v1/accounts/${account}/reconcile`)
      .set(bob.auth)
      .send({ statementBalanceCents: 0, statementDate: '2026-11-30' })
      .expect(404);
  });
});
