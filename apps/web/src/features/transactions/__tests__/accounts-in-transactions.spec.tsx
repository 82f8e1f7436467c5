import { screen, waitFor, within } from '@testing-library/react';
import { anAccount, anAccountList } from '../../../test/factories/accounts';
import { aTransaction, aTransactionPage } from '../../../test/factories/transactions';
import { bodyOf, json } from '../../../test/fake-api';
import { defined } from '../../../test/defined';
import { lastListQuery, renderTransactionsPage } from './render-transactions-page';

const everyday = anAccount({ name: 'Everyday' });
const savings = anAccount({ name: 'Savings', kind: 'savings' });
const dollars = anAccount({ name: 'US checking', currency: 'USD' });
const ACCOUNTS = { 'GET /api/v1/accounts': json(anAccountList([everyday, savings, dollars])) };
const TRANSFER_ID = '00000000-0000-4000-c000-000000000009';

describe('TransactionsPage with accounts', () => {
  it('books a new transaction to the first open account of its currency, or the one chosen', async () => {
    const { user, network } = renderTransactionsPage({
      ...ACCOUNTS,
      'GET /api/v1/transactions': json(aTransactionPage([])),
      'POST /api/v1/transactions': json(aTransaction(), 201),
    });
    await user.click(await screen.findByRole('button', { name: 'Add your first transaction' }));
    const dialog = screen.getByRole('dialog', { name: 'Add transaction' });
    const account = within(dialog).getByRole('combobox', { name: 'Account' });
    await waitFor(() => expect(account).toHaveDisplayValue('Everyday (EUR)'));

    await user.selectOptions(account, 'US checking (USD)');
    expect(within(dialog).getByRole('textbox', { name: 'Currency' })).toHaveValue('USD');
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Books');
    await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '20');
    await user.click(within(dialog).getByRole('button', { name: 'Add transaction' }));
    await waitFor(() => expect(network.requestsTo('POST /api/v1/transactions')).toHaveLength(1));
    expect(await bodyOf(defined(network.requestsTo('POST /api/v1/transactions')[0]))).toMatchObject(
      { currency: 'USD', accountId: dollars.id, amountCents: 2000 },
    );
  });

  it('filters by account through the URL', async () => {
    const { user, network, router } = renderTransactionsPage({
      ...ACCOUNTS,
      'GET /api/v1/transactions': json(aTransactionPage([aTransaction()])),
    });
    await user.click(await screen.findByRole('button', { name: 'More filters' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Account' }), 'Savings');
    await waitFor(() => expect(lastListQuery(network)).toMatchObject({ accountId: savings.id }));
    expect(new URLSearchParams(router.state.location.search).get('accountId')).toBe(savings.id);
  });

  it('names the other side of transfers and adjustments, signed by type, with delete only', async () => {
    const { user } = renderTransactionsPage({
      ...ACCOUNTS,
      'GET /api/v1/transactions': json(
        aTransactionPage([
          aTransaction({
            description: 'To savings',
            type: 'transfer_out',
            amountCents: 20_000,
            accountId: everyday.id,
            transferId: TRANSFER_ID,
          }),
          aTransaction({
            description: 'From everyday',
            type: 'transfer_in',
            amountCents: 20_000,
            accountId: savings.id,
            transferId: TRANSFER_ID,
          }),
          aTransaction({ description: 'Statement fix', type: 'adjustment_in', amountCents: 500 }),
        ]),
      ),
      [`GET /api/v1/transfers/${TRANSFER_ID}`]: json({
        id: TRANSFER_ID,
        fromAccountId: everyday.id,
        toAccountId: savings.id,
      }),
    });
    const out = (await screen.findByText('To savings')).closest('button');
    const into = defined(screen.getByText('From everyday').closest('button'));
    await waitFor(() => expect(out).toHaveTextContent('Transfer to Savings'));
    expect(out).toHaveTextContent('−€200.00');
    expect(into).toHaveTextContent('Transfer from Everyday');
    expect(into).toHaveTextContent('+€200.00');
    const fix = defined(screen.getByText('Statement fix').closest('button'));
    expect(fix).toHaveTextContent('Reconciliation adjustment');
    expect(fix).toHaveTextContent('+€5.00');

    await user.click(into);
    const details = defined(into.closest('li'));
    expect(within(details).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(within(details).getByRole('button', { name: 'Delete' })).toBeVisible();
  });
});
