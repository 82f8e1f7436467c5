import { act, screen, waitFor, within } from '@testing-library/react';
import { applyFormatSettings, DEFAULT_FORMAT_SETTINGS } from '../../lib/format-settings';
import { defined } from '../../test/defined';
import { aBudgetAt, aBudgetList } from '../../test/factories/budgets';
import { aCategory, aCategoryList } from '../../test/factories/categories';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { aTransactionPage, aTransactionSummary } from '../../test/factories/transactions';
import { aTransaction } from '../../test/factories/transactions';
import { renderPage } from '../../test/render';
import { DashboardPage } from './DashboardPage';
import { fakeClockAt } from './__tests__/clock';
import { aBudgetPeriods, aCategorySpending, aMonthlyTotals } from './__tests__/insights-fixtures';

const TRANSACTIONS = 'GET /api/v1/transactions';
const SUMMARY = 'GET /api/v1/transactions/summary';
const BUDGETS = 'GET /api/v1/budgets';
const CATEGORIES = 'GET /api/v1/categories';
const MONTHS = 'GET /api/v1/insights/months';
const CATEGORY_MONTHS = 'GET /api/v1/insights/categories';
const periodsRoute = (id: string) => `GET /api/v1/budgets/${id}/periods`;

const groceries = aCategory({ name: 'Groceries', color: '#f97316' });
const rent = aCategory({ name: 'Rent', color: '#7c3aed' });

const totals = aMonthlyTotals('2025-12', '2026-11', {
  EUR: {
    income: { '2026-10': 320_000, '2026-11': 320_000 },
    spending: { '2026-10': 150_000, '2026-11': 180_050 },
  },
  USD: { spending: { '2026-11': 5_000 } },
});
const categoryMonths = aCategorySpending('2025-12', '2026-11', {
  EUR: [
    { category: rent, spending: { '2026-10': 115_000, '2026-11': 115_000 } },
    { category: groceries, spending: { '2026-10': 35_000, '2026-11': 40_050 } },
    { category: null, spending: { '2026-11': 25_000 } },
  ],
  USD: [{ category: groceries, spending: { '2026-11': 5_000 } }],
});

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [TRANSACTIONS]: json(aTransactionPage([aTransaction({ description: 'Market' })])),
    [SUMMARY]: json(aTransactionSummary([aTransaction({ amountCents: 1_000 })])),
    [BUDGETS]: json(aBudgetList([])),
    [CATEGORIES]: json(aCategoryList([groceries, rent])),
    [MONTHS]: json(totals),
    [CATEGORY_MONTHS]: json(categoryMonths),
    ...routes,
  });
}

const show = (url = '/') => renderPage(<DashboardPage />, { url, path: '/' });
const region = (name: string | RegExp) => screen.findByRole('region', { name });
const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent));

describe('DashboardPage over time', () => {
  // The page draws two charts of twelve months: slow under jsdom on a busy machine.
  jest.setTimeout(20_000);
  // 21 November 2026, noon UTC.
  beforeEach(() => fakeClockAt(new Date(Date.UTC(2026, 10, 21, 12))));
  afterEach(() => jest.useRealTimers());

  describe('the month picker', () => {
    it('shows this month in the user’s time zone, not the browser’s, with next disabled', async () => {
      fakeClockAt(new Date(Date.UTC(2026, 10, 30, 12)));
      applyFormatSettings({ ...DEFAULT_FORMAT_SETTINGS, timeZone: 'Pacific/Auckland' });
      const api = network();
      show();
      expect(await region('December 2026')).toBeInTheDocument();
      expect(screen.getByLabelText('Month')).toHaveValue('2026-12');
      expect(screen.getByRole('button', { name: 'Next month' })).toBeDisabled();
      await waitFor(() => expect(api.requestsTo(SUMMARY)).not.toHaveLength(0));
      expect(queryOf(defined(api.requestsTo(SUMMARY)[0]))).toEqual({
        from: '2026-12-01',
        to: '2026-12-31',
      });
      expect(queryOf(defined(api.requestsTo(MONTHS)[0]))).toEqual({
        from: '2026-01',
        to: '2026-12',
      });
    });

    it('goes back a month into the URL, and every section follows', async () => {
      const api = network();
      const { user, router } = show();
      await region('November 2026');
      expect(screen.getByRole('region', { name: 'Budgets' })).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: 'Previous month' }));
      expect(router.state.location.search).toBe('?month=2026-10');
      expect(await region('October 2026')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Next month' })).toBeEnabled();
      // The current budgets give way to their results in past periods.
      expect(screen.queryByRole('region', { name: 'Budgets' })).toBeNull();
      expect(await region('Transactions in October 2026')).toBeInTheDocument();
      expect(await region('12 months to October 2026')).toBeInTheDocument();
      expect(await region('Budget results to October 2026')).toBeInTheDocument();
      await waitFor(() =>
        expect(api.requestsTo(SUMMARY).map(queryOf)).toContainEqual({
          from: '2026-10-01',
          to: '2026-10-31',
        }),
      );
      expect(api.requestsTo(TRANSACTIONS).map(queryOf)).toContainEqual({
        limit: '8',
        sort: 'occurredOn',
        order: 'desc',
        from: '2026-10-01',
        to: '2026-10-31',
      });
      expect(api.requestsTo(MONTHS).map(queryOf)).toContainEqual({
        from: '2025-11',
        to: '2026-10',
      });
      expect(api.requestsTo(CATEGORY_MONTHS).map(queryOf)).toContainEqual({
        from: '2025-11',
        to: '2026-10',
      });

      await user.click(screen.getByRole('button', { name: 'This month' }));
      expect(router.state.location.search).toBe('');
      expect(await region('November 2026')).toBeInTheDocument();
    });

    it('opens the month the URL names, and any past month typed into the field', async () => {
      network();
      const { router } = show('/?month=2025-03');
      expect(await region('March 2025')).toBeInTheDocument();
      const field = screen.getByLabelText('Month');
      expect(field).toHaveAttribute('max', '2026-11');
      act(() => {
        field.focus();
      });
      // A month field's value is set whole, as a browser's picker does.
      await act(async () => {
        const setter = defined(
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set,
        );
        setter.call(field, '2024-07');
        field.dispatchEvent(new Event('input', { bubbles: true }));
      });
      expect(router.state.location.search).toBe('?month=2024-07');
      expect(await region('July 2024')).toBeInTheDocument();
    });

    it.each([['2027-01'], ['2026-11'], ['soon'], ['2026-13']])(
      'shows this month for ?month=%s, which is not a past month',
      async (asked) => {
        network();
        show(`/?month=${asked}`);
        expect(await region('November 2026')).toBeInTheDocument();
        expect(screen.getByRole('button', { name: 'Next month' })).toBeDisabled();
      },
    );
  });

  describe('twelve months', () => {
    it('tells income and spending per month in a table with the chart’s numbers', async () => {
      network();
      const { user } = show();
      const section = await region('12 months to November 2026');
      const table = await within(section).findByRole('table', {
        name: 'Income and spending by month, 12 months to November 2026, in EUR',
      });
      await user.click(within(section).getByText('Income and spending as a table'));
      const rows = rowsOf(table);
      expect(rows).toHaveLength(12);
      expect(rows[0]).toEqual(['Dec 2025', '€0.00', '€0.00', '€0.00']);
      expect(rows.slice(-2)).toEqual([
        ['Oct 2026', '€3,200.00', '€1,500.00', '+€1,700.00'],
        ['Nov 2026', '€3,200.00', '€1,800.50', '+€1,399.50'],
      ]);
      // The bars are drawn, hidden from assistive technology like the month's donut.
      const chart = defined(section.querySelector('.trend__chart'));
      expect(chart).toHaveAttribute('aria-hidden', 'true');
      expect(chart.querySelector('svg')).not.toBeNull();
    });

    it('stacks spending by category per month, the table giving each category’s months', async () => {
      network();
      show();
      const section = await region('12 months to November 2026');
      const table = await within(section).findByRole('table', {
        name: 'Spending by category and month, 12 months to November 2026, in EUR',
      });
      const rows = rowsOf(table);
      expect(rows.map((row) => [row[0], row.at(-3), row.at(-2), row.at(-1)])).toEqual([
        ['Rent', '€1,150.00', '€1,150.00', '€2,300.00'],
        ['Groceries', '€350.00', '€400.50', '€750.50'],
        ['Uncategorised', '€0.00', '€250.00', '€250.00'],
      ]);
    });

    it('shows one currency at a time, never adding them up, with a choice of currency', async () => {
      network();
      const { user } = show();
      const section = await region('12 months to November 2026');
      const currency = await within(section).findByRole('combobox', { name: 'Currency' });
      for (const table of within(section).getAllByRole('table', { name: /in EUR$/ })) {
        expect(table).not.toHaveTextContent('$');
      }

      await user.selectOptions(currency, 'USD');
      const inDollars = within(section).getByRole('table', {
        name: 'Income and spending by month, 12 months to November 2026, in USD',
      });
      expect(rowsOf(inDollars).at(-1)).toEqual(['Nov 2026', '$0.00', '$50.00', '−$50.00']);
      expect(inDollars).not.toHaveTextContent('€');
      expect(
        rowsOf(within(section).getByRole('table', { name: /by category and month.*in USD$/ })),
      ).toEqual([['Groceries', ...Array.from({ length: 11 }, () => '$0.00'), '$50.00', '$50.00']]);
    });

    it('offers no currency choice for a single currency', async () => {
      network({
        [MONTHS]: json(aMonthlyTotals('2025-12', '2026-11', { EUR: { income: { '2026-11': 1 } } })),
        [CATEGORY_MONTHS]: json(aCategorySpending('2025-12', '2026-11', {})),
      });
      show();
      const section = await region('12 months to November 2026');
      await within(section).findByRole('table', { name: /Income and spending by month/ });
      expect(within(section).queryByRole('combobox')).toBeNull();
      expect(within(section).getByText('No spending in EUR in these 12 months.')).toBeVisible();
    });

    it('shows a skeleton while it loads', async () => {
      network({ [MONTHS]: pending });
      show();
      const section = await region('12 months to November 2026');
      expect(
        within(section).getByRole('status', { name: 'Loading 12 months to November 2026' }),
      ).toBeInTheDocument();
    });

    it('explains a failed load, tries again, and says when nothing was recorded', async () => {
      const api = network({
        [MONTHS]: apiError(503, 'Service unavailable'),
        [CATEGORY_MONTHS]: json(aCategorySpending('2025-11', '2026-10', {})),
      });
      const { user } = show('/?month=2026-10');
      const section = await region('12 months to October 2026');
      const alert = await within(section).findByRole('alert');
      expect(alert).toHaveTextContent('12 months to October 2026 could not be summed up');
      expect(alert).toHaveTextContent('Service unavailable');

      api.on(MONTHS, json(aMonthlyTotals('2025-11', '2026-10', {})));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await within(section).findByText('Nothing recorded in these 12 months')).toBeVisible();
    });
  });

  describe('budget results', () => {
    const food = aBudgetAt(20_000, { categoryId: groceries.id, limitCents: 40_000 });
    const weekly = aBudgetAt(1_000, { period: 'weekly', limitCents: 5_000 });
    const foodPeriods = aBudgetPeriods(food, [
      { periodStart: '2026-11-01', periodEnd: '2026-11-30', spentCents: 20_000 },
      { periodStart: '2026-10-01', periodEnd: '2026-10-31', spentCents: 45_000 },
      { periodStart: '2026-09-01', periodEnd: '2026-09-30', spentCents: 39_999 },
    ]);
    const weeklyPeriods = aBudgetPeriods(weekly, [
      { periodStart: '2026-11-16', periodEnd: '2026-11-22', spentCents: 1_000 },
      { periodStart: '2026-11-09', periodEnd: '2026-11-15', spentCents: 5_000 },
    ]);

    const budgetRoutes = {
      [BUDGETS]: json(aBudgetList([food, weekly])),
      [periodsRoute(food.id)]: json(foodPeriods),
      [periodsRoute(weekly.id)]: json(weeklyPeriods),
    };

    it('lists each budget’s periods with spent of limit, the over ones marked', async () => {
      const api = network(budgetRoutes);
      show();
      const section = await region('Budget results to November 2026');
      const foodTable = await within(section).findByRole('table', {
        name: 'Groceries: spending in each period',
      });
      expect(rowsOf(foodTable)).toEqual([
        ['Nov 2026 (so far)', '€200.00 of €400.00 (50%)', 'Within'],
        ['Oct 2026', '€450.00 of €400.00 (112.5%)', 'Over by €50.00'],
        ['Sep 2026', '€399.99 of €400.00 (100%)', 'Within'],
      ]);
      expect(within(foodTable).getByText('Over by €50.00').closest('tr')).toHaveClass(
        'budget-results__row--over',
      );
      const weeklyTable = await within(section).findByRole('table', {
        name: 'All spending: spending in each period',
      });
      expect(rowsOf(weeklyTable)).toEqual([
        ['Nov 16 – Nov 22 (so far)', '€10.00 of €50.00 (20%)', 'Within'],
        ['Nov 9 – Nov 15', '€50.00 of €50.00 (100%)', 'Over by €0.00'],
      ]);
      expect(queryOf(defined(api.requestsTo(periodsRoute(food.id))[0]))).toEqual({ count: '24' });
    });

    it('shows only the periods up to the chosen month', async () => {
      network(budgetRoutes);
      show('/?month=2026-10');
      const section = await region('Budget results to October 2026');
      const foodTable = await within(section).findByRole('table', { name: /^Groceries/ });
      expect(rowsOf(foodTable).map((row) => row[0])).toEqual(['Oct 2026', 'Sep 2026']);
      expect(
        await within(section).findByText('Not started by the end of October 2026.'),
      ).toBeVisible();
    });

    it('explains a budget whose periods failed to load and tries again', async () => {
      const api = network({ ...budgetRoutes, [periodsRoute(food.id)]: apiError(503, 'Down') });
      const { user } = show();
      const section = await region('Budget results to November 2026');
      const alert = await within(section).findByRole('alert');
      expect(alert).toHaveTextContent('The periods of Groceries could not be loaded');
      api.on(periodsRoute(food.id), json(foodPeriods));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await within(section).findByRole('table', { name: /^Groceries/ })).toBeVisible();
    });

    it('shows a skeleton while the budgets load', async () => {
      network({ [BUDGETS]: pending });
      show();
      const section = await region('Budget results to November 2026');
      expect(
        within(section).getByRole('status', { name: 'Loading budget results' }),
      ).toBeInTheDocument();
    });

    it('points to the Budgets page when there are none', async () => {
      network();
      show('/?month=2026-09');
      const section = await region('Budget results to September 2026');
      expect(await within(section).findByRole('link', { name: 'Create a budget' })).toHaveAttribute(
        'href',
        '/budgets',
      );
    });
  });

  it('says when nothing was recorded in a past month’s transactions', async () => {
    const api = network();
    api.on(TRANSACTIONS, (_request, url) =>
      json(aTransactionPage(url.searchParams.has('from') ? [] : [aTransaction()])),
    );
    show('/?month=2026-02');
    const section = await region('Transactions in February 2026');
    expect(await within(section).findByText('Nothing recorded in February 2026.')).toBeVisible();
  });
});
