import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aCategory } from '../../../test/factories/categories';
import {
  aTransaction,
  aTransactionPage,
  aTransactionSummary,
} from '../../../test/factories/transactions';
import { apiError, json } from '../../../test/fake-api';
import { somePreferences } from '../../preferences/testing/factories';
import { groceries, lastListQuery, renderTransactionsPage } from './render-transactions-page';
import { defined } from '../../../test/defined';

const anyTransactions = () => json(aTransactionPage([aTransaction({ description: 'Coffee' })]));

describe('TransactionsPage filters', () => {
  it('sends the filters kept in the URL to the API, and shows them in the controls', async () => {
    const { network } = renderTransactionsPage(
      { 'GET /api/v1/transactions': anyTransactions() },
      {
        url: `/transactions?q=coffee&from=2026-11-01&to=2026-11-30&category=${groceries.id}&type=expense&min=10&max=20.5`,
      },
    );
    await screen.findByText('Coffee');
    expect(lastListQuery(network)).toEqual({
      q: 'coffee',
      from: '2026-11-01',
      to: '2026-11-30',
      categoryId: groceries.id,
      type: 'expense',
      minAmountCents: '1000',
      maxAmountCents: '2050',
      page: '1',
      limit: '50',
    });
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('coffee');
    expect(screen.getByLabelText('From')).toHaveValue('2026-11-01');
    expect(screen.getByRole('textbox', { name: 'Min amount' })).toHaveValue('10');
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Category' })).toHaveValue(groceries.id),
    );
  });

  it('puts a chosen filter in the URL and lists with it', async () => {
    const { user, network, router } = renderTransactionsPage({
      'GET /api/v1/transactions': anyTransactions(),
    });
    await screen.findByText('Coffee');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'Groceries');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Expenses');

    await waitFor(() =>
      expect(lastListQuery(network)).toMatchObject({ categoryId: groceries.id, type: 'expense' }),
    );
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      category: groceries.id,
      type: 'expense',
    });
  });

  it('searches once typing pauses, not on every key', async () => {
    const { user, network, router } = renderTransactionsPage({
      'GET /api/v1/transactions': anyTransactions(),
    });
    await screen.findByText('Coffee');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'cof');

    await waitFor(() => expect(lastListQuery(network)).toMatchObject({ q: 'cof' }));
    const searched = network
      .requestsTo('GET /api/v1/transactions')
      .map((request) => new URL(request.url).searchParams.get('q'));
    expect(searched).toEqual([null, 'cof']);
    expect(router.state.location.search).toBe('?q=cof');
  });

  it('clears every filter, in the URL and in the controls', async () => {
    const { user, network, router } = renderTransactionsPage(
      { 'GET /api/v1/transactions': anyTransactions() },
      { url: '/transactions?q=coffee&type=income&min=5' },
    );
    await screen.findByText('Coffee');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Min amount' })).toHaveValue('');
    await waitFor(() => expect(lastListQuery(network)).toEqual({ page: '1', limit: '50' }));
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('when nothing matches, says so and offers to clear the filters', async () => {
    const { user, network } = renderTransactionsPage(
      {
        'GET /api/v1/transactions': (_request, url) =>
          url.searchParams.has('q') ? json(aTransactionPage([])) : anyTransactions(),
      },
      { url: '/transactions?q=unicorn' },
    );
    expect(await screen.findByText('Nothing matches these filters')).toBeInTheDocument();
    expect(screen.queryByText('No transactions yet')).not.toBeInTheDocument();

    const clearButtons = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(defined(clearButtons[clearButtons.length - 1]));
    expect(await screen.findByText('Coffee')).toBeInTheDocument();
    expect(lastListQuery(network)).not.toHaveProperty('q');
  });

  it.each(['abc', '12,x'])(
    'flags %j typed as an amount, and keeps the last results instead of dropping the filter',
    async (typed) => {
      const { user, network } = renderTransactionsPage(
        { 'GET /api/v1/transactions': anyTransactions() },
        { url: '/transactions?min=5' },
      );
      await screen.findByText('Coffee');
      const sent = network.requestsTo('GET /api/v1/transactions').length;
      const min = screen.getByRole('textbox', { name: 'Min amount' });
      await user.clear(min);
      await user.type(min, typed);

      await waitFor(() => expect(min).toHaveAccessibleDescription('Enter an amount like 12.50'));
      expect(min).toHaveAttribute('aria-invalid', 'true');
      expect(network.requestsTo('GET /api/v1/transactions')).toHaveLength(sent);
      expect(lastListQuery(network)).toMatchObject({ minAmountCents: '500' });
      expect(screen.getByText('Coffee')).toBeInTheDocument();
    },
  );

  it('flags a lowest amount above the highest at once, without asking the API', async () => {
    const { user, network } = renderTransactionsPage(
      { 'GET /api/v1/transactions': anyTransactions() },
      { url: '/transactions?min=50' },
    );
    await screen.findByText('Coffee');
    const max = screen.getByRole('textbox', { name: 'Max amount' });
    await user.type(max, '20');

    await waitFor(() =>
      expect(max).toHaveAccessibleDescription('The lowest amount is above the highest'),
    );
    expect(max).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      network
        .requestsTo('GET /api/v1/transactions')
        .filter((request) => new URL(request.url).searchParams.has('maxAmountCents')),
    ).toEqual([]);
    expect(screen.getByText('Coffee')).toBeInTheDocument();

    await user.clear(max);
    await user.type(max, '60');
    await waitFor(() =>
      expect(lastListQuery(network)).toMatchObject({
        minAmountCents: '5000',
        maxAmountCents: '6000',
      }),
    );
    expect(max).not.toHaveAttribute('aria-invalid');
  });

  it('flags a start date after the end date at once, without asking the API', async () => {
    const { network } = renderTransactionsPage(
      { 'GET /api/v1/transactions': anyTransactions() },
      { url: '/transactions?from=2026-11-30' },
    );
    await screen.findByText('Coffee');
    const sent = network.requestsTo('GET /api/v1/transactions').length;
    const to = screen.getByLabelText('To');
    fireEvent.change(to, { target: { value: '2026-11-01' } });

    expect(to).toHaveAccessibleDescription('The end date is before the start date');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(network.requestsTo('GET /api/v1/transactions')).toHaveLength(sent);
    expect(screen.getByText('Coffee')).toBeInTheDocument();
  });

  it('opened with a broken range, lists without it and says what is wrong', async () => {
    const { network } = renderTransactionsPage(
      { 'GET /api/v1/transactions': anyTransactions() },
      { url: '/transactions?min=30&max=20&type=expense' },
    );
    await screen.findByText('Coffee');
    expect(lastListQuery(network)).toEqual({ type: 'expense', page: '1', limit: '50' });
    expect(screen.getByRole('textbox', { name: 'Max amount' })).toHaveAccessibleDescription(
      'The lowest amount is above the highest',
    );
  });

  it("shows the API's refusal of a filter next to that filter, in the filter's words", async () => {
    renderTransactionsPage(
      {
        'GET /api/v1/transactions': apiError(400, 'Invalid query', {
          q: ['q must be shorter than or equal to 100 characters'],
        }),
      },
      { url: `/transactions?q=${'x'.repeat(101)}` },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Transactions could not be loaded');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveAccessibleDescription(
      'Search must be shorter than or equal to 100 characters',
    );
  });

  describe('a deleted category', () => {
    const travel = aCategory({ name: 'Travel', kind: 'expense' });
    const inUse = {
      items: [
        { ...groceries, deletedAt: null },
        { ...travel, deletedAt: '2026-11-20T10:00:00.000Z' },
      ],
    };
    const categoryOptions = () =>
      within(screen.getByRole('combobox', { name: 'Category' }))
        .getAllByRole('option')
        .map((option) => option.textContent);

    it('stays in the category filter, marked, while transactions use it', async () => {
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': anyTransactions(),
        'GET /api/v1/transactions/categories': json(inUse),
      });
      await waitFor(() => expect(categoryOptions()).toContain('Travel (deleted)'));
      expect(categoryOptions()).toEqual([
        'All categories',
        'Groceries',
        'Travel (deleted)',
        'Salary',
      ]);

      await user.selectOptions(
        screen.getByRole('combobox', { name: 'Category' }),
        'Travel (deleted)',
      );
      await waitFor(() => expect(lastListQuery(network)).toMatchObject({ categoryId: travel.id }));
    });

    it('shows as the chosen filter when a link names it', async () => {
      renderTransactionsPage(
        {
          'GET /api/v1/transactions': anyTransactions(),
          'GET /api/v1/transactions/categories': json(inUse),
        },
        { url: `/transactions?category=${travel.id}` },
      );
      await waitFor(() =>
        expect(screen.getByRole('combobox', { name: 'Category' })).toHaveDisplayValue(
          'Travel (deleted)',
        ),
      );
    });
  });

  it('totals a filtered list per currency, over all that match', async () => {
    const matching = [
      aTransaction({ description: 'Coffee', amountCents: 1_250 }),
      aTransaction({ description: 'Coffee refund', type: 'income', amountCents: 200 }),
      aTransaction({ description: 'Coffee in New York', currency: 'USD', amountCents: 500 }),
    ];
    const { network } = renderTransactionsPage(
      {
        'GET /api/v1/transactions': json(aTransactionPage(matching)),
        'GET /api/v1/transactions/totals': json({
          currencies: aTransactionSummary(matching).currencies,
        }),
      },
      { url: '/transactions?q=coffee' },
    );
    const totals = await screen.findByText(/Total of the 3 matching transactions/);
    expect(totals).toHaveTextContent('−€10.50');
    expect(totals).toHaveTextContent('−$5.00');
    const request = defined(network.requestsTo('GET /api/v1/transactions/totals')[0]);
    expect(Object.fromEntries(new URL(request.url).searchParams)).toEqual({ q: 'coffee' });
  });

  it('adds nothing up for the unfiltered list', async () => {
    const { network } = renderTransactionsPage({ 'GET /api/v1/transactions': anyTransactions() });
    await screen.findByText('Coffee');
    expect(screen.queryByText(/Total of the/)).not.toBeInTheDocument();
    expect(network.requestsTo('GET /api/v1/transactions/totals')).toEqual([]);
  });

  it('folds the filters besides the search away until asked for, unless one is in use', async () => {
    const first = renderTransactionsPage({ 'GET /api/v1/transactions': anyTransactions() });
    const toggle = await screen.findByRole('button', { name: 'More filters' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await first.user.click(toggle);
    expect(screen.getByRole('button', { name: 'Fewer filters' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    first.unmount();

    renderTransactionsPage(
      { 'GET /api/v1/transactions': anyTransactions() },
      { url: '/transactions?type=income' },
    );
    expect(await screen.findByRole('button', { name: 'Fewer filters' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  describe('quick date ranges', () => {
    // 23:30 on Monday 30 November in UTC is 00:30 on Tuesday 1 December in Zurich.
    const NOW = new Date('2026-11-30T23:30:00Z');
    const zurichWeekFromTuesday = json(
      somePreferences({ timeZone: 'Europe/Zurich', firstDayOfWeek: 2 }),
    );

    beforeEach(() => {
      // Only the clock: the page's timers and promises run as usual.
      jest.useFakeTimers({
        now: NOW,
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });
    });
    afterEach(() => jest.useRealTimers());

    const rangeButtons = () =>
      within(screen.getByRole('group', { name: 'Quick date ranges' })).getAllByRole('button');
    const pressed = () =>
      rangeButtons()
        .filter((button) => button.getAttribute('aria-pressed') === 'true')
        .map((button) => button.textContent);
    const urlOf = (router: { state: { location: { search: string } } }) =>
      Object.fromEntries(new URLSearchParams(router.state.location.search));

    it("set From and To in the user's time zone, the week from their first day", async () => {
      const { user, network, router, queryClient } = renderTransactionsPage({
        'GET /api/v1/transactions': anyTransactions(),
        'GET /api/v1/users/me/preferences': zurichWeekFromTuesday,
      });
      await screen.findByText('Coffee');
      await waitFor(() => expect(queryClient.getQueryData(['preferences', 'me'])).toBeDefined());
      await user.click(screen.getByRole('button', { name: 'More filters' }));
      expect(rangeButtons().map((button) => button.textContent)).toEqual([
        'This week',
        'This month',
        'Last month',
      ]);
      expect(pressed()).toEqual([]);

      await user.click(screen.getByRole('button', { name: 'This week' }));
      await waitFor(() => expect(urlOf(router)).toEqual({ from: '2026-12-01', to: '2026-12-07' }));
      await waitFor(() =>
        expect(lastListQuery(network)).toMatchObject({ from: '2026-12-01', to: '2026-12-07' }),
      );
      expect(screen.getByLabelText('From')).toHaveValue('2026-12-01');
      expect(screen.getByLabelText('To')).toHaveValue('2026-12-07');
      expect(pressed()).toEqual(['This week']);

      await user.click(screen.getByRole('button', { name: 'This month' }));
      await waitFor(() => expect(urlOf(router)).toEqual({ from: '2026-12-01', to: '2026-12-31' }));
      expect(pressed()).toEqual(['This month']);

      await user.click(screen.getByRole('button', { name: 'Last month' }));
      await waitFor(() => expect(urlOf(router)).toEqual({ from: '2026-11-01', to: '2026-11-30' }));
      expect(pressed()).toEqual(['Last month']);
    });

    it('shows the range a link names as pressed, and pressing it again clears the dates', async () => {
      const { user, router } = renderTransactionsPage(
        {
          'GET /api/v1/transactions': anyTransactions(),
          'GET /api/v1/users/me/preferences': zurichWeekFromTuesday,
        },
        { url: '/transactions?from=2026-11-01&to=2026-11-30&type=expense' },
      );
      await screen.findByText('Coffee');
      await waitFor(() => expect(pressed()).toEqual(['Last month']));

      await user.click(screen.getByRole('button', { name: 'Last month' }));
      await waitFor(() => expect(urlOf(router)).toEqual({ type: 'expense' }));
      expect(pressed()).toEqual([]);
    });
  });
});
