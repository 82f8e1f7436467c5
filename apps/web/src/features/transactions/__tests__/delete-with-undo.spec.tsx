import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aTransaction, aTransactionPage } from '../../../test/factories/transactions';
import { apiError, json } from '../../../test/fake-api';
import { renderTransactionsPage } from './render-transactions-page';
import { defined } from '../../../test/defined';

const coffee = aTransaction({ description: 'Coffee' });
const tea = aTransaction({ description: 'Tea' });
const deleteRoute = `DELETE /api/v1/transactions/${coffee.id}`;

/** The page with Coffee and Tea listed, Coffee opened, on fake timers to step through the undo window. */
async function renderWithCoffeeOpen(deleteAnswer: Response = json(null, 204)) {
  jest.useFakeTimers();
  const page = renderTransactionsPage({
    'GET /api/v1/transactions': json(aTransactionPage([coffee, tea])),
    [`GET /api/v1/transactions/${coffee.id}/history`]: json({ items: [] }),
    [deleteRoute]: deleteAnswer,
  });
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  await user.click(await screen.findByRole('button', { name: /Coffee/ }));
  return { ...page, user };
}

const passTime = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));

describe('TransactionsPage delete with undo', () => {
  afterEach(() => jest.useRealTimers());

  it('removes the transaction at once and sends the delete only after 10 s of undo window', async () => {
    const { user, network } = await renderWithCoffeeOpen();
    await user.click(screen.getByRole('button', { name: 'Delete' }));

    expect(screen.queryByText('Coffee')).not.toBeInTheDocument();
    expect(screen.getByText('Tea')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Transaction deleted');
    // The Delete button went with the transaction: focus stays on the page, at its title.
    expect(screen.getByRole('heading', { level: 1, name: 'Transactions' })).toHaveFocus();
    await passTime(9_900);
    expect(network.requestsTo(deleteRoute)).toHaveLength(0);

    await passTime(200);
    expect(network.requestsTo(deleteRoute)).toHaveLength(1);
    expect(screen.queryByText('Transaction deleted')).not.toBeInTheDocument();
    expect(screen.queryByText('Coffee')).not.toBeInTheDocument();
  });

  it('offers Undo to the keyboard: F8 reaches it, Enter undoes, the focus goes back to the page', async () => {
    const { user, network } = await renderWithCoffeeOpen();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('status')).toHaveTextContent('Press F8 to reach Undo');

    await user.keyboard('{F8}');
    expect(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(screen.getByText('Coffee')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Transactions' })).toHaveFocus();
    await passTime(20_000);
    expect(network.requestsTo(deleteRoute)).toHaveLength(0);
  });

  it('waits while the pointer is over the toast', async () => {
    const { user, network } = await renderWithCoffeeOpen();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await passTime(8_000);
    await user.hover(screen.getByText('Transaction deleted'));
    await passTime(60_000);
    expect(network.requestsTo(deleteRoute)).toHaveLength(0);

    await user.unhover(screen.getByText('Transaction deleted'));
    await passTime(1_900);
    expect(network.requestsTo(deleteRoute)).toHaveLength(0);
    await passTime(200);
    expect(network.requestsTo(deleteRoute)).toHaveLength(1);
  });

  it('waits while the focus is in the toast, and goes on once it leaves', async () => {
    const { user, network } = await renderWithCoffeeOpen();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await passTime(8_000);
    await user.keyboard('{F8}');
    await passTime(60_000);
    expect(network.requestsTo(deleteRoute)).toHaveLength(0);

    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { level: 1, name: 'Transactions' })).toHaveFocus();
    await passTime(1_900);
    expect(network.requestsTo(deleteRoute)).toHaveLength(0);
    await passTime(200);
    expect(network.requestsTo(deleteRoute)).toHaveLength(1);
  });

  it('sends the delete at once when the toast is dismissed', async () => {
    const { user, network } = await renderWithCoffeeOpen();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(network.requestsTo(deleteRoute)).toHaveLength(1));
    expect(screen.queryByText('Coffee')).not.toBeInTheDocument();
    await passTime(20_000);
    expect(network.requestsTo(deleteRoute)).toHaveLength(1);
  });

  it('Undo puts the transaction back and never sends the delete', async () => {
    const { user, network } = await renderWithCoffeeOpen();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));

    expect(screen.getByText('Coffee')).toBeInTheDocument();
    await passTime(10_000);
    expect(network.requestsTo(deleteRoute)).toHaveLength(0);
    expect(screen.getByText('Coffee')).toBeInTheDocument();
  });

  it('sends a waiting delete when the page is left before the window ends', async () => {
    const { user, network, unmount } = await renderWithCoffeeOpen();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(network.requestsTo(deleteRoute)).toHaveLength(0);
    unmount();
    await waitFor(() => expect(network.requestsTo(deleteRoute)).toHaveLength(1));
    expect(defined(network.requestsTo(deleteRoute)[0]).keepalive).toBe(true);
  });

  it('sends a waiting delete when the tab is closed', async () => {
    const { user, network } = await renderWithCoffeeOpen();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(network.requestsTo(deleteRoute)).toHaveLength(0);
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await waitFor(() => expect(network.requestsTo(deleteRoute)).toHaveLength(1));
    await passTime(10_000);
    expect(network.requestsTo(deleteRoute)).toHaveLength(1);
  });

  it('puts the transaction back and says why when the API refuses the delete', async () => {
    const { user } = await renderWithCoffeeOpen(apiError(404, 'No such record of yours'));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await passTime(10_000);

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        '“Coffee” could not be deleted: No such record of yours',
      ),
    );
    expect(screen.getByText('Coffee')).toBeInTheDocument();
  });
});
