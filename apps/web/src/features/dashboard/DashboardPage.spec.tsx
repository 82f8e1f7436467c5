import { act, screen, waitFor, within } from '@testing-library/react';
import { publishRealtime } from '../realtime';
import { anAccount, anAccountList } from '../../test/factories/accounts';
import { aBudgetAt, aBudgetList } from '../../test/factories/budgets';
import { aCategory, aCategoryList } from '../../test/factories/categories';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import {
  aTransaction,
  aTransactionPage,
  aTransactionSummary,
} from '../../test/factories/transactions';
import { renderPage } from '../../test/render';
import { DashboardPage } from './DashboardPage';
import { NEW_BADGE_MS } from './hooks/use-new-transaction-ids';
import { defined } from '../../test/defined';
import { fakeClockAt } from './__tests__/clock';
import { aCategorySpending, aMonthlyTotals } from './__tests__/insights-fixtures';

const TRANSACTIONS = 'GET /api/v1/transactions';
const SUMMARY = 'GET /api/v1/transactions/summary';
const BUDGETS = 'GET /api/v1/budgets';
const CATEGORIES = 'GET /api/v1/categories';
const MONTHS = 'GET /api/v1/insights/months';
const CATEGORY_MONTHS = 'GET /api/v1/insights/categories';
const ACCOUNTS = 'GET /api/v1/accounts';

const groceries = aCategory({ name: 'Groceries', color: '#22c55e' });
const rent = aCategory({ name: 'Rent', color: '#ef4444' });
const salary = aCategory({ name: 'Salary', kind: 'income', color: '#0ea5e9' });

const monthOfTransactions = [
  aTransaction({ category: rent, amountCents: 90_000, description: 'November rent' }),
  aTransaction({ category: groceries, amountCents: 6_000 }),
  aTransaction({ category: groceries, amountCents: 4_000 }),
  aTransaction({ amountCents: 2_500, description: 'Cash' }),
  aTransaction({ category: salary, type: 'income', amountCents: 250_000 }),
];
const recentTransactions = [
  aTransaction({ category: groceries, description: 'Market', amountCents: 1_250 }),
  aTransaction({ category: salary, type: 'income', description: 'Payday', amountCents: 250_000 }),
];

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [TRANSACTIONS]: json(aTransactionPage(recentTransactions)),
    [SUMMARY]: json(aTransactionSummary(monthOfTransactions)),
    [BUDGETS]: json(aBudgetList([])),
    [CATEGORIES]: json(aCategoryList([groceries, rent, salary])),
    [MONTHS]: json(aMonthlyTotals('2025-12', '2026-11', {})),
    [CATEGORY_MONTHS]: json(aCategorySpending('2025-12', '2026-11', {})),
    [ACCOUNTS]: json(anAccountList([])),
    ...routes,
  });
}

const show = () => renderPage(<DashboardPage />, { url: '/', path: '/' });

const announce = (type: string, transactionId: string) =>
  act(() =>
    publishRealtime({
      type,
      payload: { transactionId, categoryId: null, occurredOn: '2026-11-21' },
      traceId: null,
      at: '2026-11-21T12:00:00.000Z',
    }),
  );

const region = (name: string) => screen.findByRole('region', { name });

describe('DashboardPage', () => {
  // Only the clock is fake: "this month" is November 2026 (in UTC, the default time zone).
  beforeEach(() => fakeClockAt(new Date(Date.UTC(2026, 10, 21, 12))));
  afterEach(() => jest.useRealTimers());

  describe('states', () => {
    it('shows a skeleton in each section while it loads', () => {
      network({ [TRANSACTIONS]: pending, [SUMMARY]: pending, [BUDGETS]: pending });
      show();
      expect(screen.getByRole('status', { name: 'Loading November 2026' })).toBeInTheDocument();
      expect(screen.getByRole('status', { name: 'Loading budgets' })).toBeInTheDocument();
      expect(
        screen.getByRole('status', { name: 'Loading recent transactions' }),
      ).toBeInTheDocument();
    });

    it('welcomes a new user with the first steps', async () => {
      network({
        [TRANSACTIONS]: json(aTransactionPage([])),
        [SUMMARY]: json(aTransactionSummary([])),
      });
      show();
      expect(await screen.findByText('Nothing to show yet')).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Add your first transaction' })).toHaveAttribute(
        'href',
        '/transactions',
      );
      expect(screen.getByRole('link', { name: 'Create a category' })).toHaveAttribute(
        'href',
        '/categories',
      );
      expect(screen.queryByRole('region', { name: 'Recent transactions' })).toBeNull();
    });

    it('says when nothing was recorded this month yet', async () => {
      network({ [SUMMARY]: json(aTransactionSummary([])) });
      show();
      const month = await region('November 2026');
      expect(
        await within(month).findByText('Nothing recorded in November 2026 yet'),
      ).toBeInTheDocument();
      expect(within(month).getByRole('link', { name: 'Add a transaction' })).toHaveAttribute(
        'href',
        '/transactions',
      );
    });

    const unavailable = apiError(503, 'Service unavailable');
    it.each([
      ['November 2026', 'November 2026 could not be summed up', { [SUMMARY]: unavailable }],
      ['Budgets', 'Budgets could not be loaded', { [BUDGETS]: unavailable }],
      [
        'Recent transactions',
        'Recent transactions could not be loaded',
        { [TRANSACTIONS]: unavailable },
      ],
    ])('explains a failed load in “%s” and tries again', async (name, title, failing) => {
      const api = network(failing);
      const { user } = show();
      const section = await region(name);
      const alert = await within(section).findByRole('alert');
      expect(alert).toHaveTextContent(title);
      expect(alert).toHaveTextContent('Service unavailable');

      api.on(TRANSACTIONS, json(aTransactionPage(recentTransactions)));
      api.on(SUMMARY, json(aTransactionSummary(monthOfTransactions)));
      api.on(BUDGETS, json(aBudgetList([])));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      await waitFor(() => expect(within(section).queryByRole('alert')).toBeNull());
      expect(within(section).queryByRole('status')).toBeNull();
    });
  });

  describe('this month', () => {
    it('asks the API to add up the current month in one request', async () => {
      const api = network();
      show();
      await within(await region('November 2026')).findByRole('table');
      expect(
        api
          .requestsTo(SUMMARY)
          .map((request) => Object.fromEntries(new URL(request.url).searchParams)),
      ).toEqual([{ from: '2026-11-01', to: '2026-11-30' }]);
    });

    it('shows spending, income and net of the month', async () => {
      network();
      show();
      const month = await region('November 2026');
      const card = async (title: string) =>
        (await within(month).findByRole('heading', { name: title })).closest('li');
      expect(await card('Spending')).toHaveTextContent('€1,025.00');
      expect(await card('Income')).toHaveTextContent('€2,500.00');
      expect(await card('Net')).toHaveTextContent('€1,475.00');
    });

    it('tells spending by category in a table with the chart’s numbers', async () => {
      network();
      show();
      const table = await within(await region('November 2026')).findByRole('table', {
        name: 'Spending by category in November 2026, in EUR',
      });
      const rows = within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent));
      expect(rows).toEqual([
        ['Rent', '€900.00', '88%'],
        ['Groceries', '€100.00', '10%'],
        ['Uncategorised', '€25.00', '2%'],
      ]);
    });

    it('keeps the chart out of the keyboard’s way, as it is hidden from screen readers', async () => {
      network();
      show();
      const month = await region('November 2026');
      await within(month).findByRole('table');
      const charts = month.querySelectorAll('.spending__chart');
      expect(charts).toHaveLength(1);
      expect(charts[0]).toHaveAttribute('aria-hidden', 'true');
      expect(defined(charts[0]).querySelector('svg')).not.toBeNull();
      const tabbable = [...defined(charts[0]).querySelectorAll('[tabindex]')].filter(
        (element) => Number(element.getAttribute('tabindex')) >= 0,
      );
      expect(tabbable).toEqual([]);
    });

    it('shows the totals and the spending per currency when the month used several', async () => {
      network({
        [SUMMARY]: json(
          aTransactionSummary([
            aTransaction({ category: groceries, amountCents: 1_000 }),
            aTransaction({ category: groceries, amountCents: 2_000 }),
            aTransaction({ currency: 'USD', amountCents: 5_000 }),
          ]),
        ),
      });
      show();
      const month = await region('November 2026');
      const spending = (await within(month).findByRole('heading', { name: 'Spending' })).closest(
        'li',
      ) as HTMLElement;
      expect(spending).toHaveTextContent('€30.00');
      expect(spending).toHaveTextContent('$50.00');
      const inEuros = within(month).getByRole('table', { name: /in EUR$/ });
      expect(inEuros).toHaveTextContent('€30.00');
      expect(inEuros).not.toHaveTextContent('$');
      const inDollars = within(month).getByRole('table', { name: /in USD$/ });
      expect(inDollars).toHaveTextContent('$50.00');
      expect(inDollars).not.toHaveTextContent('€');
    });

    it('signs the net as the transactions list does, a true minus for a loss', async () => {
      network({
        [SUMMARY]: json(
          aTransactionSummary([
            aTransaction({ amountCents: 5_000 }),
            aTransaction({ currency: 'USD', type: 'income', amountCents: 2_000 }),
          ]),
        ),
      });
      show();
      const month = await region('November 2026');
      const net = (await within(month).findByRole('heading', { name: 'Net' })).closest(
        'li',
      ) as HTMLElement;
      expect(net).toHaveTextContent('\u2212€50.00');
      expect(net).toHaveTextContent('+$20.00');
      expect(net).not.toHaveTextContent('-');
    });

    it('shows sums past 2^53 to the cent', async () => {
      // 91 × 10^14 cents and one more: the API sends such sums as exact decimal strings.
      const largest = Array.from({ length: 91 }, () =>
        aTransaction({ category: rent, amountCents: 100_000_000_000_000 }),
      );
      network({
        [SUMMARY]: json(
          aTransactionSummary([
            ...largest,
            aTransaction({ category: rent, amountCents: 1 }),
            aTransaction({ category: groceries, amountCents: 2_500 }),
          ]),
        ),
      });
      show();
      const month = await region('November 2026');
      const card = async (title: string) =>
        (await within(month).findByRole('heading', { name: title })).closest('li');
      expect(await card('Spending')).toHaveTextContent('€91,000,000,000,025.01');
      expect(await card('Net')).toHaveTextContent('\u2212€91,000,000,000,025.01');
      const rows = within(within(month).getByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent));
      expect(rows).toEqual([
        ['Rent', '€91,000,000,000,000.01', '100%'],
        ['Groceries', '€25.00', '0%'],
      ]);
    });
  });

  describe('budgets', () => {
    it('shows the budgets closest to their limits, with a link to all of them', async () => {
      network({
        [BUDGETS]: json(
          aBudgetList([
            aBudgetAt(10_000, { categoryId: groceries.id }),
            aBudgetAt(55_000),
            aBudgetAt(30_000, { categoryId: rent.id }),
            aBudgetAt(45_000, { categoryId: 'deleted' }),
          ]),
        ),
      });
      show();
      const budgets = await region('Budgets');
      await within(budgets).findAllByRole('progressbar');
      expect(
        within(budgets)
          .getAllByRole('heading', { level: 3 })
          .map((heading) => heading.textContent),
      ).toEqual(['All spending', 'Deleted category', 'Rent']);
      expect(within(budgets).getByText('Over budget')).toBeInTheDocument();
      expect(within(budgets).getByRole('link', { name: 'All budgets' })).toHaveAttribute(
        'href',
        '/budgets',
      );
    });

    it("shows each open account's balance today, with a total per currency", async () => {
      network({
        [ACCOUNTS]: json(
          anAccountList([
            anAccount({ name: 'Everyday', balanceCents: '75000' }),
            anAccount({ name: 'Savings', balanceCents: '25000' }),
            anAccount({ name: 'Old', balanceCents: '999', archived: true }),
          ]),
        ),
      });
      show();
      const balances = await region('Account balances');
      expect(await within(balances).findByRole('link', { name: 'Everyday' })).toBeInTheDocument();
      expect(within(balances).queryByText('Old')).toBeNull();
      expect(balances).toHaveTextContent('€1,000.00');
    });

    it('points to the Budgets page when there are none', async () => {
      network();
      show();
      const budgets = await region('Budgets');
      expect(await within(budgets).findByRole('link', { name: 'Create a budget' })).toHaveAttribute(
        'href',
        '/budgets',
      );
    });
  });

  describe('recent transactions', () => {
    it('lists the latest transactions with signed amounts and a link to all', async () => {
      const api = network();
      show();
      const recent = await region('Recent transactions');
      const items = await within(recent).findAllByRole('listitem');
      expect(items.map((item) => item.textContent)).toEqual([
        'MarketGroceries · Nov 21, 2026\u2212€12.50',
        'PaydaySalary · Nov 21, 2026+€2,500.00',
      ]);
      expect(within(recent).getByRole('link', { name: 'See all' })).toHaveAttribute(
        'href',
        '/transactions',
      );
      const request = defined(api.requestsTo(TRANSACTIONS)[0]);
      expect(Object.fromEntries(new URL(request.url).searchParams)).toEqual({
        limit: '8',
        sort: 'occurredOn',
        order: 'desc',
      });
    });

    it('opens each transaction on the transactions page', async () => {
      network();
      show();
      const recent = await region('Recent transactions');
      const market = await within(recent).findByRole('link', { name: /Market/ });
      expect(market).toHaveAttribute(
        'href',
        `/transactions?open=${defined(recentTransactions[0]).id}`,
      );
      expect(market).toHaveAccessibleName(/Market.*Groceries.*−€12\.50/);
    });

    it('refreshes when a transaction is added elsewhere and marks it new for a minute', async () => {
      jest.useFakeTimers({ now: new Date(2026, 10, 21, 12) });
      const arrived = aTransaction({ description: 'Coffee', amountCents: 350 });
      const api = network();
      show();
      const recent = await region('Recent transactions');
      await within(recent).findByText('Market');

      api.on(TRANSACTIONS, json(aTransactionPage([arrived, ...recentTransactions])));
      api.on(SUMMARY, json(aTransactionSummary([...monthOfTransactions, arrived])));
      announce('transaction.created', arrived.id);

      const coffee = (await within(recent).findByText('Coffee')).closest('li') as HTMLElement;
      expect(within(coffee).getByText('New')).toBeInTheDocument();
      expect(within(recent).getAllByText('New')).toHaveLength(1);
      expect(
        await within(await region('November 2026')).findByText('€1,028.50'),
      ).toBeInTheDocument();

      act(() => jest.advanceTimersByTime(NEW_BADGE_MS));
      expect(within(recent).queryByText('New')).toBeNull();
    });

    it('refetches the month and the budgets when a transaction is deleted elsewhere', async () => {
      const api = network();
      show();
      await within(await region('Recent transactions')).findByText('Market');
      await within(await region('Budgets')).findByText('No budgets yet');
      const before = {
        transactions: api.requestsTo(TRANSACTIONS).length,
        summaries: api.requestsTo(SUMMARY).length,
        budgets: api.requestsTo(BUDGETS).length,
      };

      announce('transaction.deleted', defined(recentTransactions[0]).id);
      await waitFor(() =>
        expect(api.requestsTo(TRANSACTIONS).length).toBe(before.transactions + 1),
      );
      await waitFor(() => expect(api.requestsTo(SUMMARY).length).toBe(before.summaries + 1));
      await waitFor(() => expect(api.requestsTo(BUDGETS).length).toBe(before.budgets + 1));
      expect(screen.queryByText('New')).toBeNull();
    });
  });
});
