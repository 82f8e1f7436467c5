import { screen, waitFor } from '@testing-library/react';
import { aTransaction, aTransactionPage } from '../../../test/factories/transactions';
import { apiError, json } from '../../../test/fake-api';
import { groceries, lastListQuery, renderTransactionsPage } from './render-transactions-page';

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
    await user.click(clearButtons[clearButtons.length - 1]);
    expect(await screen.findByText('Coffee')).toBeInTheDocument();
    expect(lastListQuery(network)).not.toHaveProperty('q');
  });

  it('explains an amount that is not one, and does not send it', async () => {
    const { user, network } = renderTransactionsPage({
      'GET /api/v1/transactions': anyTransactions(),
    });
    await screen.findByText('Coffee');
    const min = screen.getByRole('textbox', { name: 'Min amount' });
    await user.type(min, '12..5');

    await waitFor(() => expect(min).toHaveAccessibleDescription('Enter an amount such as 12.50'));
    expect(min).toHaveAttribute('aria-invalid', 'true');
    expect(lastListQuery(network)).not.toHaveProperty('minAmountCents');
  });

  it("shows the API's refusal of a filter next to that filter", async () => {
    renderTransactionsPage(
      {
        'GET /api/v1/transactions': apiError(422, 'minAmountCents must not exceed maxAmountCents', {
          minAmountCents: ['must not exceed maxAmountCents'],
        }),
      },
      { url: '/transactions?min=30&max=20' },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'minAmountCents must not exceed maxAmountCents',
    );
    expect(screen.getByRole('textbox', { name: 'Min amount' })).toHaveAccessibleDescription(
      'must not exceed maxAmountCents',
    );
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
});
