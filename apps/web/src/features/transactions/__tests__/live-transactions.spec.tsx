import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { publishRealtime } from '../../realtime';
import { aTransaction, aTransactionPage } from '../../../test/factories/transactions';
import { json } from '../../../test/fake-api';
import type { Transaction } from '../api/types';
import { NEW_BADGE_MS } from '../hooks/use-live-transactions';
import { renderTransactionsPage } from './render-transactions-page';

/** What the API pushes for a change: the page reads only `transactionId` from it. */
function announce(type: string, transaction: Transaction) {
  const { id: transactionId, type: kind, amountCents, currency, description } = transaction;
  const payload = {
    userId: 'user-1',
    transactionId,
    type: kind,
    amountCents,
    currency,
    description,
    categoryId: transaction.categoryId,
    occurredOn: transaction.occurredOn,
  };
  act(() => publishRealtime({ type, payload, traceId: null, at: '2026-11-21T10:00:00.000Z' }));
}

describe('TransactionsPage live updates', () => {
  afterEach(() => jest.useRealTimers());

  it('lists a transaction created elsewhere, marked New for a while', async () => {
    jest.useFakeTimers();
    const older = aTransaction({ description: 'Older' });
    const fromPhone = aTransaction({ description: 'From the phone' });
    let listed = [older];
    renderTransactionsPage({ 'GET /api/v1/transactions': () => json(aTransactionPage(listed)) });
    await screen.findByText('Older');

    listed = [fromPhone, older];
    announce('transaction.created', fromPhone);
    const row = await screen.findByRole('button', { name: /From the phone/ });
    expect(within(row).getByText('New')).toBeInTheDocument();
    expect(within(screen.getByRole('button', { name: /Older/ })).queryByText('New')).toBeNull();

    await act(() => jest.advanceTimersByTimeAsync(NEW_BADGE_MS));
    expect(within(row).queryByText('New')).not.toBeInTheDocument();
  });

  it('refreshes the list when a transaction changes or goes elsewhere', async () => {
    const coffee = aTransaction({ description: 'Coffee' });
    let listed = [coffee];
    const { network } = renderTransactionsPage({
      'GET /api/v1/transactions': () => json(aTransactionPage(listed)),
    });
    await screen.findByText('Coffee');

    listed = [{ ...coffee, description: 'Flat white' }];
    announce('transaction.updated', coffee);
    expect(await screen.findByText('Flat white')).toBeInTheDocument();
    expect(screen.queryByText('New')).not.toBeInTheDocument();

    listed = [];
    announce('transaction.deleted', coffee);
    expect(await screen.findByText('No transactions yet')).toBeInTheDocument();
    expect(network.requestsTo('GET /api/v1/transactions')).toHaveLength(3);
  });

  it('does not mark as new what this tab created, whichever arrives first', async () => {
    const mine = aTransaction({ description: 'Mine' });
    let listed: Transaction[] = [];
    const { network } = renderTransactionsPage({
      'GET /api/v1/transactions': () => json(aTransactionPage(listed)),
      'POST /api/v1/transactions': () => {
        listed = [mine];
        // The API announces the creation before this tab reads the POST's answer.
        announce('transaction.created', mine);
        return json(mine, 201);
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add your first transaction' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Mine');
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '1');
    await user.click(within(dialog).getByRole('button', { name: 'Add transaction' }));

    const row = await screen.findByRole('button', { name: /Mine/ });
    await waitFor(() => expect(network.requestsTo('POST /api/v1/transactions')).toHaveLength(1));
    expect(within(row).queryByText('New')).not.toBeInTheDocument();

    announce('transaction.created', mine);
    await waitFor(() =>
      expect(network.requestsTo('GET /api/v1/transactions').length).toBeGreaterThanOrEqual(3),
    );
    expect(within(screen.getByRole('button', { name: /Mine/ })).queryByText('New')).toBeNull();
  });
});
