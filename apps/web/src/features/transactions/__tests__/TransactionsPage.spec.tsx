import { screen, waitFor, within } from '@testing-library/react';
import {
  aHistory,
  aRecordChange,
  aTransaction,
  aTransactionPage,
} from '../../../test/factories/transactions';
import { apiError, json, pending } from '../../../test/fake-api';
import { groceries, renderTransactionsPage, salary } from './render-transactions-page';

const dayButton = (name: RegExp) => screen.getByRole('button', { name });

describe('TransactionsPage', () => {
  describe('states', () => {
    it('shows a skeleton while the first page loads', async () => {
      renderTransactionsPage({ 'GET /api/v1/transactions': pending });
      expect(
        await screen.findByRole('status', { name: 'Loading transactions' }),
      ).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 1, name: 'Transactions' })).toBeInTheDocument();
    });

    it("shows the API's reason when the list fails, and loads it again on retry", async () => {
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': apiError(503, 'Database unavailable'),
      });
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Transactions could not be loaded');
      expect(alert).toHaveTextContent('Database unavailable');

      network.on(
        'GET /api/v1/transactions',
        json(aTransactionPage([aTransaction({ description: 'Coffee' })])),
      );
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('Coffee')).toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });

    it('without any transaction, offers to add the first one', async () => {
      const { user } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([])),
      });
      expect(await screen.findByText('No transactions yet')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Add your first transaction' }));
      expect(screen.getByRole('dialog', { name: 'Add transaction' })).toBeInTheDocument();
    });
  });

  describe('days', () => {
    const coffee = aTransaction({
      description: 'Coffee',
      occurredOn: '2026-11-21',
      amountCents: 350,
    });
    const pay = aTransaction({
      description: 'Payday',
      occurredOn: '2026-11-21',
      type: 'income',
      amountCents: 200000,
      category: salary,
    });
    const bread = aTransaction({
      description: 'Bread',
      occurredOn: '2026-11-20',
      amountCents: 420,
      category: groceries,
    });

    it('groups transactions by day, every day open, each header with its count and net total', async () => {
      renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([coffee, pay, bread])),
      });
      const newest = await screen.findByRole('button', { name: /Saturday, November 21, 2026/ });
      expect(newest).toHaveAttribute('aria-expanded', 'true');
      expect(newest).toHaveTextContent('2 transactions');
      expect(newest).toHaveTextContent('+€1,996.50');
      const older = dayButton(/Friday, November 20, 2026/);
      expect(older).toHaveAttribute('aria-expanded', 'true');
      expect(older).toHaveTextContent('1 transaction');
      expect(older).toHaveTextContent('−€4.20');

      expect(screen.getByRole('button', { name: /Coffee/ })).toHaveTextContent('−€3.50');
      expect(screen.getByRole('button', { name: /Payday/ })).toHaveTextContent('Salary');
      expect(screen.getByRole('button', { name: /Payday/ })).toHaveTextContent('+€2,000.00');
      expect(screen.getByRole('button', { name: /Bread/ })).toHaveTextContent('Groceries');
    });

    it('closes and opens days from their header', async () => {
      const { user } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([coffee, bread])),
      });
      await user.click(await screen.findByRole('button', { name: /November 20, 2026/ }));
      expect(dayButton(/November 20, 2026/)).toHaveAttribute('aria-expanded', 'false');
      expect(screen.queryByText('Bread')).not.toBeInTheDocument();
      expect(screen.getByText('Coffee')).toBeInTheDocument();

      await user.click(dayButton(/November 20, 2026/));
      expect(dayButton(/November 20, 2026/)).toHaveAttribute('aria-expanded', 'true');
      expect(screen.getByRole('button', { name: /Bread/ })).toHaveTextContent('Groceries');
    });

    it('totals a day per currency when it mixes currencies', async () => {
      renderTransactionsPage({
        'GET /api/v1/transactions': json(
          aTransactionPage([coffee, aTransaction({ currency: 'USD', amountCents: 1000 })]),
        ),
      });
      const day = await screen.findByRole('button', { name: /November 21, 2026/ });
      expect(day).toHaveTextContent('−€3.50');
      expect(day).toHaveTextContent('−$10.00');
    });

    it('loads more pages on request and merges a day split across them', async () => {
      const firstPage = [
        coffee,
        ...Array.from({ length: 49 }, () => aTransaction({ occurredOn: '2026-11-21' })),
      ];
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': (_request, url) =>
          url.searchParams.get('page') === '2'
            ? json(aTransactionPage([pay, bread], { page: 2, total: 52 }))
            : json(aTransactionPage(firstPage, { total: 52 })),
      });
      const day = await screen.findByRole('button', { name: /November 21, 2026/ });
      expect(day).toHaveTextContent('50 transactions so far');
      expect(screen.getByText('Showing 50 of 52')).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: 'Load more' }));
      await waitFor(() =>
        expect(dayButton(/November 21, 2026/)).toHaveTextContent('51 transactions'),
      );
      expect(dayButton(/November 21, 2026/)).not.toHaveTextContent('so far');
      expect(screen.getAllByRole('button', { name: /November 21, 2026/ })).toHaveLength(1);
      expect(screen.getByText('Showing 52 of 52')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
      expect(
        network
          .requestsTo('GET /api/v1/transactions')
          .map((request) => new URL(request.url).searchParams.get('page')),
      ).toEqual(['1', '2']);
    });

    it('says when the next page fails, keeping what is loaded', async () => {
      const { user } = renderTransactionsPage({
        'GET /api/v1/transactions': (_request, url) =>
          url.searchParams.get('page') === '2'
            ? apiError(500, 'Internal server error')
            : json(aTransactionPage([coffee], { total: 2, limit: 1 })),
      });
      await user.click(await screen.findByRole('button', { name: 'Load more' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'More transactions could not be loaded: Internal server error',
      );
      expect(screen.getByText('Coffee')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Load more' })).toBeEnabled();
    });
  });

  describe('an opened transaction', () => {
    const lunch = aTransaction({
      description: 'Lunch',
      notes: 'With the team',
      amountCents: 1250,
      category: groceries,
    });

    it('shows its notes and loads its change history only when opened', async () => {
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([lunch])),
        [`GET /api/v1/transactions/${lunch.id}/history`]: json(
          aHistory(
            aRecordChange({
              userEmail: 'ada@example.com',
              changes: [
                { field: 'amountCents', from: 1000, to: 1250 },
                { field: 'categoryId', from: null, to: groceries.id },
              ],
            }),
          ),
        ),
      });
      const row = await screen.findByRole('button', { name: /Lunch/ });
      expect(row).toHaveAttribute('aria-expanded', 'false');
      expect(network.requestsTo(`GET /api/v1/transactions/${lunch.id}/history`)).toHaveLength(0);

      await user.click(row);
      expect(row).toHaveAttribute('aria-expanded', 'true');
      expect(screen.getByText('With the team')).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 3, name: 'Change history' })).toBeInTheDocument();
      expect(await screen.findByText('Amount: €10.00 → €12.50')).toBeInTheDocument();
      expect(screen.getByText('Category: no category → Groceries')).toBeInTheDocument();
      expect(screen.getByText(/by ada@example.com/)).toBeInTheDocument();
      expect(network.requestsTo(`GET /api/v1/transactions/${lunch.id}/history`)).toHaveLength(1);
    });

    it('opens from a link naming it, with focus on it, and forgets the link once open', async () => {
      const other = aTransaction({ description: 'Other', occurredOn: '2026-11-20' });
      const { router } = renderTransactionsPage(
        {
          'GET /api/v1/transactions': json(aTransactionPage([other, lunch])),
          [`GET /api/v1/transactions/${lunch.id}/history`]: json(aHistory()),
        },
        { url: `/transactions?q=l&open=${lunch.id}` },
      );
      const row = await screen.findByRole('button', { name: /Lunch/ });
      expect(row).toHaveAttribute('aria-expanded', 'true');
      expect(row).toHaveFocus();
      expect(screen.getByText('With the team')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: /Other/ })).toHaveAttribute(
        'aria-expanded',
        'false',
      );
      await waitFor(() => expect(router.state.location.search).toBe('?q=l'));
      expect(row).toHaveAttribute('aria-expanded', 'true');
    });

    it('says when it has not changed since it was created', async () => {
      const { user } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([lunch])),
        [`GET /api/v1/transactions/${lunch.id}/history`]: json(aHistory()),
      });
      await user.click(await screen.findByRole('button', { name: /Lunch/ }));
      expect(await screen.findByText('No changes since it was created')).toBeInTheDocument();
    });

    it('offers a retry when its history fails to load', async () => {
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([lunch])),
        [`GET /api/v1/transactions/${lunch.id}/history`]: apiError(500, 'Audit store unavailable'),
      });
      await user.click(await screen.findByRole('button', { name: /Lunch/ }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The change history could not be loaded');
      expect(alert).toHaveTextContent('Audit store unavailable');

      network.on(`GET /api/v1/transactions/${lunch.id}/history`, json(aHistory()));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('No changes since it was created')).toBeInTheDocument();
    });
  });
});
