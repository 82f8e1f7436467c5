import fc from 'fast-check';
import { BUDGET_PERIODS } from '@ledgerlens/contracts';
import { UserContext } from '../src/database/user-context';
import { Transaction } from '../src/modules/transactions/transaction.entity';
import {
  createTestApp,
  openAccount,
  registerUser,
  SignedInUser,
  TestApp,
} from './support/test-app';

const DAY = 86_400_000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The period definition the API documents, computed independently in JS. */
function periodStart(today: Date, period: (typeof BUDGET_PERIODS)[number]): string {
  if (period === 'monthly')
    return isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)));
  if (period === 'yearly') return `${today.getUTCFullYear()}-01-01`;
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  return isoDay(new Date(today.getTime() - sinceMonday * DAY));
}

function periodEnd(start: string, period: (typeof BUDGET_PERIODS)[number]): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (period === 'weekly') return isoDay(new Date(date.getTime() + 7 * DAY));
  if (period === 'monthly')
    return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
  return `${date.getUTCFullYear() + 1}-01-01`;
}

const transactionArb = fc.record({
  category: fc.constantFrom('budgeted', 'other', 'none', 'income'),
  amountCents: fc.integer({ min: 1, max: 5_000_000 }),
  currency: fc.constantFrom('EUR', 'EUR', 'EUR', 'USD'),
  dayOffset: fc.integer({ min: -400, max: 400 }),
  deleted: fc.boolean(),
});

describe('budget spending (property)', () => {
  let testApp: TestApp;
  let today: Date;

  beforeAll(async () => {
    testApp = await createTestApp();
    const [{ today: dbToday }] = await testApp.dataSource.query(
      `SELECT current_date::text AS today`,
    );
    today = new Date(`${dbToday}T00:00:00Z`);
  });
  afterAll(() => testApp.close());

  async function category(user: SignedInUser, kind: 'expense' | 'income'): Promise<string> {
    const response = await testApp.http
      .post('/api/v1/categories')
      .set(user.auth)
      .send({ name: `${kind}-${Math.random()}`, kind })
      .expect(201);
    return response.body.id;
  }

  it("spent equals the sum of the user's live expense transactions of its category (or all, for overall) in the current period", async () => {
    const userContext = testApp.app.get(UserContext);
    const stranger = await registerUser(testApp, 'stranger');
    const strangerCategory = await category(stranger, 'expense');
    const strangerAccount = await openAccount(testApp, stranger);

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BUDGET_PERIODS),
        fc.boolean(),
        fc.integer({ min: -60, max: 30 }),
        fc.array(transactionArb, { maxLength: 25 }),
        async (period, overall, startOffset, generated) => {
          const user = await registerUser(testApp, 'prop');
          const accounts = {
            EUR: await openAccount(testApp, user),
            USD: await openAccount(testApp, user, 'USD'),
          };
          const ids = {
            budgeted: await category(user, 'expense'),
            other: await category(user, 'expense'),
            income: await category(user, 'income'),
          };
          const startDate = isoDay(new Date(today.getTime() + startOffset * DAY));
          const budget = await testApp.http
            .post('/api/v1/budgets')
            .set(user.auth)
            .send({
              categoryId: overall ? null : ids.budgeted,
              period,
              limitCents: 100_000,
              currency: 'EUR',
              startDate,
            })
            .expect(201);

          const rows = generated.map((t) => ({
            accountId: accounts[t.currency],
            categoryId: t.category === 'none' ? null : ids[t.category as keyof typeof ids],
            type: t.category === 'income' ? ('income' as const) : ('expense' as const),
            amountCents: t.amountCents,
            currency: t.currency,
            description: 'generated',
            occurredOn: isoDay(new Date(today.getTime() + t.dayOffset * DAY)),
          }));
          await userContext.runAs(user.id, async (manager) => {
            if (rows.length === 0) return;
            const inserted = await manager.insert(Transaction, rows);
            const deletedIds = inserted.identifiers
              .filter((_, i) => generated[i].deleted)
              .map((id) => id['id'] as string);
            if (deletedIds.length) await manager.softDelete(Transaction, deletedIds);
          });
          // Another user's spending in the same currency must never count.
          await userContext.runAs(stranger.id, (manager) =>
            manager.insert(Transaction, {
              accountId: strangerAccount,
              categoryId: strangerCategory,
              type: 'expense',
              amountCents: 777,
              currency: 'EUR',
              description: 'theirs',
              occurredOn: isoDay(today),
            }),
          );

          const anchor = new Date(`${[isoDay(today), startDate].sort()[1]}T00:00:00Z`);
          const start = [periodStart(anchor, period), startDate].sort()[1];
          const end = periodEnd(periodStart(anchor, period), period);
          const expected = rows
            .filter((row, i) => !generated[i].deleted)
            .filter((row) => row.type === 'expense' && row.currency === 'EUR')
            .filter((row) => overall || row.categoryId === ids.budgeted)
            .filter((row) => row.occurredOn >= start && row.occurredOn < end)
            .reduce((sum, row) => sum + row.amountCents, 0);

          const read = await testApp.http
            .get(`/api/v1/budgets/${budget.body.id}`)
            .set(user.auth)
            .expect(200);
          expect(read.body.spentCents).toBe(String(expected));
          expect(read.body.remainingCents).toBe(String(100_000 - expected));
          expect(read.body.periodStart).toBe(start);
          expect(read.body.startDate).toBe(startDate);
          expect(read.body.periodEnd < end && read.body.periodEnd >= start).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });
});
