import { execute, rowsOf } from '../src/database/typed-rows';
import { UserContext } from '../src/database/user-context';
import { SentStatement, statementsSentBy } from './support/statements';
import {
  createTestApp,
  openAccount,
  registerUser,
  SignedInUser,
  TestApp,
} from './support/test-app';

/** One node of `EXPLAIN (FORMAT JSON)`, with what this test reads of it. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** The one row `EXPLAIN (FORMAT JSON)` answers. */
interface ExplainRow {
  'QUERY PLAN': { Plan: PlanNode }[];
}

/** Every node of a plan, depth first. */
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** The rows a scan node visited: those it returned and those its filter dropped, every loop. */
const rowsRead = (node: PlanNode) =>
  (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'];

/** Transactions on the current day, the same for every user here: 20, of which 9 EUR expenses. */
const IN_PERIOD = 20;

/**
 * The budget check after a write costs the same whatever the size of the user's history: the
 * spending statement reads the budgets' current period through an index, not the history.
 */
describe('budget check independent of the history size', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  async function categoryOf(user: SignedInUser, name: string): Promise<string> {
    const response = await testApp.http
      .post('/api/v1/categories')
      .set(user.auth)
      .send({ name, kind: 'expense' })
      .expect(201);
    return (response.body as { id: string }).id;
  }

  /**
   * A user with four monthly budgets and `size` transactions: `size - 20` before this month
   * (categories, currencies and types mixed) and 20 today. One INSERT … SELECT as that user.
   */
  async function userWithHistory(size: number): Promise<{ user: SignedInUser; food: string }> {
    const user = await registerUser(testApp, `history-${size}`);
    const food = await categoryOf(user, 'food');
    const rent = await categoryOf(user, 'rent');
    for (const budget of [
      { currency: 'EUR' },
      { currency: 'EUR', categoryId: food },
      { currency: 'EUR', categoryId: rent },
      { currency: 'USD' },
    ]) {
      await testApp.http
        .post('/api/v1/budgets')
        .set(user.auth)
        .send({ period: 'monthly', limitCents: 1_000_000_000, startDate: '2020-01-01', ...budget })
        .expect(201);
    }
    const [euros, dollars] = [
      await openAccount(testApp, user),
      await openAccount(testApp, user, 'USD'),
    ];
    await testApp.app.get(UserContext).runAs(user.id, (manager) =>
      execute(
        manager,
        `INSERT INTO transactions
           (account_id, category_id, type, amount_cents, currency, description, occurred_on)
         SELECT CASE WHEN i % 2 = 0 THEN $5::uuid ELSE $6::uuid END,
                CASE i % 3 WHEN 0 THEN $1::uuid WHEN 1 THEN $2::uuid END,
                CASE WHEN i % 7 = 0 THEN 'income' ELSE 'expense' END,
                100 + i % 50,
                CASE WHEN i % 2 = 0 THEN 'EUR' ELSE 'USD' END,
                'history',
                CASE WHEN i <= $4 THEN current_date
                     ELSE date_trunc('month', current_date)::date - 1 - (i % 2000) END
         FROM generate_series(1, $3::int) AS i`,
        [food, rent, size, IN_PERIOD, euros, dollars],
      ),
    );
    return { user, food };
  }

  /** The spending statement a new expense's budget check runs, with its parameters. */
  async function spendingStatementOf(user: SignedInUser, food: string): Promise<SentStatement> {
    const statements = await statementsSentBy(() =>
      testApp.http
        .post('/api/v1/transactions')
        .set(user.auth)
        .send({
          amountCents: 100,
          currency: 'EUR',
          description: 'lunch',
          categoryId: food,
          occurredOn: new Date().toISOString().slice(0, 10),
        })
        .expect(201),
    );
    const spending = statements.filter(({ sql }) => sql.includes('FROM transactions t'));
    expect(spending).toHaveLength(1);
    return spending[0] as SentStatement;
  }

  async function planOf(user: SignedInUser, food: string): Promise<PlanNode[]> {
    const { sql, params } = await spendingStatementOf(user, food);
    const [row] = await testApp.app
      .get(UserContext)
      .runAs(user.id, (manager) =>
        rowsOf<ExplainRow>(manager, `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params),
      );
    return nodesOf(row['QUERY PLAN'][0].Plan);
  }

  it('reads the same rows, through the spending index, for 100 and for 10 000 transactions', async () => {
    const short = await userWithHistory(100);
    const long = await userWithHistory(10_000);
    await execute(testApp.dataSource, 'ANALYZE transactions');

    const scans = async ({ user, food }: { user: SignedInUser; food: string }) =>
      (await planOf(user, food)).filter((node) => node['Relation Name'] === 'transactions');
    const shortScans = await scans(short);
    const longScans = await scans(long);

    for (const found of [shortScans, longScans]) {
      expect(found.length).toBeGreaterThan(0);
      for (const node of found) {
        expect(node['Node Type']).toMatch(/^Index (Only )?Scan$/);
        expect(node['Index Name']).toBe('ix_transactions_expense_spending');
      }
    }
    const read = (found: PlanNode[]) => found.reduce((sum, node) => sum + rowsRead(node), 0);
    // Two budgets count a EUR food expense (EUR overall, EUR food): each reads today's EUR
    // expenses — the 9 of today's 20 and the new one — and no more.
    const todaysEurExpenses = 9 + 1;
    expect(read(longScans)).toBe(read(shortScans));
    expect(read(shortScans)).toBe(2 * todaysEurExpenses);
  });
});
