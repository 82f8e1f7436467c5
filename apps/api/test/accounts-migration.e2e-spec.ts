import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createTestDatabase, dropTestDatabase } from './support/test-database';

const BEFORE_ACCOUNTS = 'RecurringTransactions1732870000000';

/**
 * Migration 1732880000000 on a database holding the shape before accounts: transactions and
 * recurring rules of users with one and with two currencies move into one default account per
 * user and currency, opened on the first day used.
 */
describe('accounts migration on the old shape', () => {
  let url: string;
  let dataSource: DataSource;

  const query = <Row>(sql: string, params: unknown[] = []) =>
    dataSource.query(sql, params) as Promise<Row[]>;

  beforeAll(async () => {
    url = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(url, [], 1)).initialize();
    const last = async () =>
      (
        await query<{ name: string }>(
          'SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1',
        )
      )[0]?.name;
    while ((await last()) !== BEFORE_ACCOUNTS) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  it('moves every transaction and recurring rule into a default account of its currency', async () => {
    const [ada, bob, eve] = await Promise.all(
      ['ada', 'bob', 'eve'].map(
        async (name) =>
          (
            await query<{ id: string }>(
              `INSERT INTO users (email, password_hash, display_name) VALUES ($1, 'x', $2) RETURNING id`,
              [`${name}@example.com`, name],
            )
          )[0]?.id as string,
      ),
    );
    const entry = (user: string, currency: string, day: string, deleted = false) =>
      query(
        `INSERT INTO transactions (user_id, type, amount_cents, currency, description, occurred_on, deleted_at)
         VALUES ($1, 'expense', 100, $2, 'old', $3, $4)`,
        [user, currency, day, deleted ? new Date() : null],
      );
    await entry(ada, 'EUR', '2025-03-04');
    await entry(ada, 'EUR', '2025-01-20', true);
    await entry(ada, 'USD', '2025-06-01');
    await entry(bob, 'EUR', '2026-02-02');
    await query(
      `INSERT INTO recurring_rules (user_id, name, type, amount_cents, currency, frequency, day_of_month, start_date)
       VALUES ($1, 'Rent', 'expense', 90000, 'GBP', 'monthly', 1, '2026-05-01')`,
      [bob],
    );

    await dataSource.runMigrations({ transaction: 'each' });

    const accounts = await query<{
      user_id: string;
      name: string;
      currency: string;
      kind: string;
      opening_date: string;
      opening_balance_cents: string;
    }>(
      `SELECT user_id, name, currency, kind, to_char(opening_date, 'YYYY-MM-DD') AS opening_date,
              opening_balance_cents FROM accounts ORDER BY user_id, currency`,
    );
    const of = (user: string) =>
      accounts
        .filter((account) => account.user_id === user)
        .map(({ name, currency, kind, opening_date, opening_balance_cents }) => ({
          name,
          currency,
          kind,
          opening_date,
          opening_balance_cents,
        }));
    expect(of(ada)).toEqual([
      {
        name: 'Main account (EUR)',
        currency: 'EUR',
        kind: 'checking',
        opening_date: '2025-01-20',
        opening_balance_cents: '0',
      },
      {
        name: 'Main account (USD)',
        currency: 'USD',
        kind: 'checking',
        opening_date: '2025-06-01',
        opening_balance_cents: '0',
      },
    ]);
    expect(of(bob).map(({ name, currency }) => [name, currency])).toEqual([
      ['Main account (EUR)', 'EUR'],
      ['Main account (GBP)', 'GBP'],
    ]);
    // A user without entries gets no account.
    expect(of(eve)).toEqual([]);

    // Every row, deleted ones too, is in an account of its user and currency.
    const misplaced = await query(
      `SELECT r.id FROM (
         SELECT id, user_id, currency, account_id FROM transactions
         UNION ALL SELECT id, user_id, currency, account_id FROM recurring_rules) r
       LEFT JOIN accounts a ON a.id = r.account_id
       WHERE a.id IS NULL OR a.user_id <> r.user_id OR a.currency <> r.currency`,
    );
    expect(misplaced).toEqual([]);
    expect((await query<{ n: number }>('SELECT count(*)::int AS n FROM transactions'))[0]?.n).toBe(
      4,
    );

    // The backfill is in the row history, by no user.
    const history = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_changes
       WHERE table_name = 'transactions' AND action = 'UPDATE' AND user_id IS NULL`,
    );
    expect(history[0]?.n).toBe(4);
  });
});
