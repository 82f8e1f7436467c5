import { statementsSentBy } from './support/statements';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

interface AccountBody {
  id: string;
  name: string;
  kind: string;
  currency: string;
  openingBalanceCents: number;
  openingDate: string;
  archived: boolean;
  balanceCents: string;
}

describe('accounts (API)', () => {
  let testApp: TestApp;
  let ada: SignedInUser;
  let bob: SignedInUser;

  const createAccount = async (user: SignedInUser, body: object) =>
    (await testApp.http.post('/api/v1/accounts').set(user.auth).send(body).expect(201))
      .body as AccountBody;

  const book = (user: SignedInUser, body: object) =>
    testApp.http
      .post('/api/v1/transactions')
      .set(user.auth)
      .send({ currency: 'EUR', description: 'entry', occurredOn: '2026-11-10', ...body });

  const balanceOf = async (user: SignedInUser, id: string, asOf?: string) =>
    (
      await testApp.http
        .get(`/api/v1/accounts/${id}/balance${asOf ? `?asOf=${asOf}` : ''}`)
        .set(user.auth)
        .expect(200)
    ).body as { balanceCents: string; asOf: string; currency: string };

  beforeAll(async () => {
    testApp = await createTestApp();
    ada = await registerUser(testApp, 'ada');
    bob = await registerUser(testApp, 'bob');
  });
  afterAll(() => testApp.close());

  it('creates, reads, lists, renames and archives an account, answering its balance', async () => {
    const created = await createAccount(ada, {
      name: ' Everyday ',
      kind: 'checking',
      currency: 'eur',
      openingBalanceCents: 100_000,
      openingDate: '2026-10-01',
    });
    expect(created).toMatchObject({
      name: 'Everyday',
      kind: 'checking',
      currency: 'EUR',
      openingBalanceCents: 100_000,
      openingDate: '2026-10-01',
      archived: false,
      balanceCents: '100000',
      lastReconciledOn: null,
      reconciledBalanceCents: null,
    });
    const read = await testApp.http.get(`/api/v1/accounts/${created.id}`).set(ada.auth).expect(200);
    expect(read.body.balanceCents).toBe('100000');

    const renamed = await testApp.http
      .patch(`/api/v1/accounts/${created.id}`)
      .set(ada.auth)
      .send({ name: 'Daily', archived: true })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Daily', archived: true, currency: 'EUR' });

    const list = await testApp.http.get('/api/v1/accounts').set(ada.auth).expect(200);
    expect(list.body.items.map((account: AccountBody) => account.name)).toContain('Daily');

    const history = await testApp.http
      .get(`/api/v1/accounts/${created.id}/history`)
      .set(ada.auth)
      .expect(200);
    expect(history.body.items.map((change: { action: string }) => change.action)).toEqual(
      expect.arrayContaining(['INSERT', 'UPDATE']),
    );
  });

  it('refuses bad input with a message per field, and a second account of the same name', async () => {
    const bad = await testApp.http
      .post('/api/v1/accounts')
      .set(ada.auth)
      .send({ name: '', kind: 'piggy bank', currency: 'euro', openingBalanceCents: 1.5 })
      .expect(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(
      ['currency', 'kind', 'name', 'openingBalanceCents'].sort(),
    );
    expect(bad.body.details.kind[0]).toMatch(/checking, savings, credit_card, cash, loan/);

    await createAccount(ada, { name: 'Wallet', kind: 'cash', currency: 'EUR' });
    const taken = await testApp.http
      .post('/api/v1/accounts')
      .set(ada.auth)
      .send({ name: 'WALLET', kind: 'cash', currency: 'USD' })
      .expect(409);
    expect(taken.body.details.name[0]).toMatch(/already exists/);

    // The currency stays: the account's transactions are in it.
    const wallet = (await testApp.http.get('/api/v1/accounts').set(ada.auth).expect(200)).body
      .items as AccountBody[];
    const walletId = wallet.find((account) => account.name === 'Wallet')?.id;
    await testApp.http
      .patch(`/api/v1/accounts/${walletId}`)
      .set(ada.auth)
      .send({ currency: 'USD' })
      .expect(400);
  });

  it('books a transaction without an account to a default account per currency', async () => {
    const carol = await registerUser(testApp, 'carol');
    const euro = await book(carol, { type: 'expense', amountCents: 500 }).expect(201);
    const again = await book(carol, { type: 'income', amountCents: 900 }).expect(201);
    const dollar = await book(carol, {
      type: 'expense',
      amountCents: 300,
      currency: 'USD',
    }).expect(201);
    expect(again.body.accountId).toBe(euro.body.accountId);
    expect(dollar.body.accountId).not.toBe(euro.body.accountId);

    const accounts = (await testApp.http.get('/api/v1/accounts').set(carol.auth).expect(200)).body
      .items as AccountBody[];
    expect(accounts.map(({ name, currency }) => ({ name, currency }))).toEqual([
      { name: 'Main account', currency: 'EUR' },
      { name: 'Main account (USD)', currency: 'USD' },
    ]);
    expect(accounts.find(({ currency }) => currency === 'EUR')?.balanceCents).toBe('400');
  });

  it("refuses an entry in another currency than its account's, to an archived or someone else's account", async () => {
    const savings = await createAccount(ada, { name: 'Savings', kind: 'savings', currency: 'EUR' });
    const wrongCurrency = await book(ada, {
      accountId: savings.id,
      type: 'income',
      amountCents: 100,
      currency: 'USD',
    }).expect(422);
    expect(wrongCurrency.body.details.currency[0]).toMatch(/must be EUR/);

    await book(bob, { accountId: savings.id, type: 'income', amountCents: 100 }).expect(404);

    await testApp.http
      .patch(`/api/v1/accounts/${savings.id}`)
      .set(ada.auth)
      .send({ archived: true })
      .expect(200);
    const archived = await book(ada, {
      accountId: savings.id,
      type: 'income',
      amountCents: 100,
    }).expect(422);
    expect(archived.body.details.accountId[0]).toMatch(/archived/);
  });

  it('computes balances at the end of any day: opening balance once opened, entries up to that day', async () => {
    const account = await createAccount(ada, {
      name: 'Balances',
      kind: 'checking',
      currency: 'EUR',
      openingBalanceCents: 10_000,
      openingDate: '2026-09-01',
    });
    const entries = [
      { type: 'income', amountCents: 5_000, occurredOn: '2026-09-10' },
      { type: 'expense', amountCents: 2_000, occurredOn: '2026-09-20' },
      { type: 'expense', amountCents: 700, occurredOn: '2026-10-05' },
    ];
    for (const entry of entries) await book(ada, { accountId: account.id, ...entry }).expect(201);
    // A future entry is not in today's balance.
    await book(ada, {
      accountId: account.id,
      type: 'expense',
      amountCents: 99_999,
      occurredOn: '2099-01-01',
    }).expect(201);

    expect((await balanceOf(ada, account.id, '2026-08-31')).balanceCents).toBe('0');
    expect((await balanceOf(ada, account.id, '2026-09-10')).balanceCents).toBe('15000');
    expect((await balanceOf(ada, account.id, '2026-09-30')).balanceCents).toBe('13000');
    const today = await balanceOf(ada, account.id);
    expect(today).toMatchObject({ balanceCents: '12300', currency: 'EUR' });
    expect(today.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await balanceOf(ada, account.id, '2099-12-31')).balanceCents).toBe('-87699');

    // A deleted entry no longer counts.
    const deleted = await book(ada, { accountId: account.id, type: 'expense', amountCents: 300 });
    await testApp.http.delete(`/api/v1/transactions/${deleted.body.id}`).set(ada.auth).expect(204);
    expect((await balanceOf(ada, account.id)).balanceCents).toBe('12300');

    await testApp.http
      .get(`/api/v1/accounts/${account.id}/balance?asOf=2026-02-30`)
      .set(ada.auth)
      .expect(400);
    await testApp.http.get(`/api/v1/accounts/${account.id}/balance`).set(bob.auth).expect(404);
  });

  it('lists accounts with their balances in the same statements for one account or six (no N+1)', async () => {
    const dave = await registerUser(testApp, 'dave');
    const listStatements = async () =>
      (
        await statementsSentBy(() =>
          testApp.http.get('/api/v1/accounts').set(dave.auth).expect(200),
        )
      ).length;
    const first = await createAccount(dave, { name: 'A0', kind: 'cash', currency: 'EUR' });
    await book(dave, { accountId: first.id, type: 'income', amountCents: 1 }).expect(201);
    const withOne = await listStatements();
    for (let i = 1; i < 6; i++) {
      const account = await createAccount(dave, { name: `A${i}`, kind: 'cash', currency: 'EUR' });
      await book(dave, { accountId: account.id, type: 'income', amountCents: i }).expect(201);
    }
    expect(await listStatements()).toBe(withOne);
  });

  it('deletes only an account without entries; one with history is archived instead', async () => {
    const empty = await createAccount(ada, { name: 'Unused', kind: 'cash', currency: 'EUR' });
    const used = await createAccount(ada, { name: 'Used', kind: 'cash', currency: 'EUR' });
    await book(ada, { accountId: used.id, type: 'expense', amountCents: 100 }).expect(201);

    const refused = await testApp.http
      .delete(`/api/v1/accounts/${used.id}`)
      .set(ada.auth)
      .expect(422);
    expect(refused.body.details.accountId[0]).toMatch(/archived/);
    await testApp.http.delete(`/api/v1/accounts/${empty.id}`).set(ada.auth).expect(204);
    await testApp.http.get(`/api/v1/accounts/${empty.id}`).set(ada.auth).expect(404);
  });

  it("hides another user's accounts", async () => {
    const mine = await createAccount(ada, { name: 'Private', kind: 'cash', currency: 'EUR' });
    await testApp.http.get(`/api/v1/accounts/${mine.id}`).set(bob.auth).expect(404);
    await testApp.http
      .patch(`/api/v1/accounts/${mine.id}`)
      .set(bob.auth)
      .send({ name: 'Taken' })
      .expect(404);
    await testApp.http.get(`/api/v1/accounts/${mine.id}/history`).set(bob.auth).expect(404);
    const list = await testApp.http.get('/api/v1/accounts').set(bob.auth).expect(200);
    expect(list.body.items.map((account: AccountBody) => account.id)).not.toContain(mine.id);
  });
});
