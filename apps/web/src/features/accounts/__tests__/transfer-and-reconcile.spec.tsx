import { screen, waitFor, within } from '@testing-library/react';
import { anAccount, anAccountList } from '../../../test/factories/accounts';
import { aTransaction } from '../../../test/factories/transactions';
import { defined } from '../../../test/defined';
import { apiError, bodyOf, fakeApi, type FakeRoute, json } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import { somePreferences } from '../../preferences/testing/factories';
import { AccountsPage } from '../AccountsPage';

const TRANSFERS = 'POST /api/v1/transfers';
const today = () => new Date().toLocaleDateString('en-CA');

const everyday = anAccount({ name: 'Everyday', balanceCents: '120000' });
const savings = anAccount({ name: 'Savings', kind: 'savings', balanceCents: '50000' });
const dollars = anAccount({ name: 'US checking', currency: 'USD', balanceCents: '0' });
const reconcileRoute = `POST /api/v1/accounts/${everyday.id}/reconcile`;

function show(routes: Record<string, FakeRoute | Response> = {}, accounts = [everyday, savings]) {
  const api = fakeApi({
    'GET /api/v1/accounts': json(anAccountList(accounts)),
    'GET /api/v1/users/me/preferences': json(somePreferences()),
    ...routes,
  });
  return { api, ...renderPage(<AccountsPage />, { url: '/accounts', path: '/accounts' }) };
}

const aTransfer = (overrides: object = {}) => ({
  id: '00000000-0000-4000-c000-000000000001',
  fromAccountId: everyday.id,
  toAccountId: savings.id,
  amountCents: 20_000,
  toAmountCents: 20_000,
  currency: 'EUR',
  toCurrency: 'EUR',
  occurredOn: today(),
  description: 'Transfer',
  outTransactionId: '00000000-0000-4000-c000-000000000002',
  inTransactionId: '00000000-0000-4000-c000-000000000003',
  ...overrides,
});

describe('transfers', () => {
  it('is offered only with two open accounts', async () => {
    show({}, [everyday, { ...savings, archived: true }]);
    await screen.findByRole('listitem', { name: 'Everyday' });
    expect(screen.getByRole('button', { name: 'Transfer' })).toBeDisabled();
  });

  it('moves an amount between accounts of one currency, sending it as what arrives too', async () => {
    const { api, user } = show({ [TRANSFERS]: json(aTransfer(), 201) });
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    const dialog = screen.getByRole('dialog', { name: 'Transfer' });
    expect(within(dialog).getByLabelText('From')).toHaveDisplayValue('Everyday (EUR)');
    expect(within(dialog).getByLabelText('To')).toHaveDisplayValue('Savings (EUR)');
    expect(within(dialog).queryByLabelText('Amount received')).not.toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Amount'), '200');
    await user.type(within(dialog).getByLabelText('Description'), 'Rainy day');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await bodyOf(defined(api.requestsTo(TRANSFERS)[0]))).toEqual({
      fromAccountId: everyday.id,
      toAccountId: savings.id,
      amountCents: 20_000,
      toAmountCents: 20_000,
      occurredOn: today(),
      description: 'Rainy day',
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Transfer from Everyday to Savings booked',
    );
  });

  it('asks what arrives when the currencies differ, and refuses one account twice', async () => {
    const { api, user } = show({ [TRANSFERS]: json(aTransfer({ toAccountId: dollars.id }), 201) }, [
      everyday,
      dollars,
    ]);
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    const dialog = screen.getByRole('dialog', { name: 'Transfer' });

    await user.selectOptions(within(dialog).getByLabelText('To'), 'Everyday (EUR)');
    await user.type(within(dialog).getByLabelText('Amount'), '100');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(within(dialog).getByLabelText('To')).toHaveAccessibleDescription(
      'Choose another account than the one it leaves',
    );

    await user.selectOptions(within(dialog).getByLabelText('To'), 'US checking (USD)');
    const received = within(dialog).getByLabelText('Amount received');
    expect(received).toHaveAccessibleDescription('In USD, as it reaches US checking.');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(received).toHaveAccessibleDescription('Enter an amount like 12.50');
    expect(api.requestsTo(TRANSFERS)).toHaveLength(0);

    await user.type(received, '107.5');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await waitFor(() => expect(api.requestsTo(TRANSFERS)).toHaveLength(1));
    expect(await bodyOf(defined(api.requestsTo(TRANSFERS)[0]))).toMatchObject({
      toAccountId: dollars.id,
      amountCents: 10_000,
      toAmountCents: 10_750,
    });
  });

  it("shows the API's refusal beside the field it is about", async () => {
    const { user } = show({
      [TRANSFERS]: apiError(422, 'Validation failed', {
        fromAccountId: ['fromAccountId is archived and takes no new entries'],
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    const dialog = screen.getByRole('dialog', { name: 'Transfer' });
    await user.type(within(dialog).getByLabelText('Amount'), '5');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(await within(dialog).findByLabelText('From')).toHaveAccessibleDescription(
      'From is archived and takes no new entries',
    );
  });
});

describe('reconciling', () => {
  const result = (overrides: object = {}) => ({
    accountId: everyday.id,
    statementDate: '2026-11-30',
    statementBalanceCents: 119_000,
    balanceCents: '120000',
    differenceCents: '-1000',
    adjustment: null,
    reconciled: false,
    ...overrides,
  });

  it('shows the difference and books it as an adjustment', async () => {
    let booked = false;
    const { api, user } = show({
      [reconcileRoute]: async (request) => {
        booked = (await bodyOf<{ bookAdjustment: boolean }>(request)).bookAdjustment;
        return json(
          booked
            ? result({ reconciled: true, adjustment: aTransaction({ type: 'adjustment_out' }) })
            : result(),
        );
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Reconcile Everyday' }));
    const dialog = screen.getByRole('dialog', { name: 'Reconcile Everyday' });
    await user.type(within(dialog).getByLabelText('Statement balance'), '1190');
    await user.clear(within(dialog).getByLabelText('Statement date'));
    await user.type(within(dialog).getByLabelText('Statement date'), '2026-11-30');
    await user.click(within(dialog).getByRole('button', { name: 'Compare' }));

    const shown = await within(dialog).findByRole('status');
    expect(shown).toHaveTextContent('Ledger balance at the end of Nov 30, 2026€1,200.00');
    expect(shown).toHaveTextContent('Difference (statement − ledger)−€10.00');
    expect(shown).not.toHaveTextContent('Reconciled');
    expect(await bodyOf(defined(api.requestsTo(reconcileRoute)[0]))).toEqual({
      statementBalanceCents: 119_000,
      statementDate: '2026-11-30',
      bookAdjustment: false,
    });

    await user.click(within(dialog).getByRole('button', { name: 'Book adjustment of −€10.00' }));
    expect(await within(dialog).findByText('Reconciled on Nov 30, 2026')).toBeInTheDocument();
    expect(booked).toBe(true);
    expect(within(dialog).queryByRole('button', { name: /Book adjustment/ })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('reconciles at once when the statement agrees', async () => {
    const { user } = show({
      [reconcileRoute]: json(
        result({ statementBalanceCents: 120_000, differenceCents: '0', reconciled: true }),
      ),
    });
    await user.click(await screen.findByRole('button', { name: 'Reconcile Everyday' }));
    const dialog = screen.getByRole('dialog', { name: 'Reconcile Everyday' });
    await user.type(within(dialog).getByLabelText('Statement balance'), '1200');
    await user.click(within(dialog).getByRole('button', { name: 'Compare' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Reconciled on Nov 30, 2026',
    );
    expect(within(dialog).queryByRole('button', { name: /Book adjustment/ })).toBeNull();
  });

  it('checks the statement, and shows what the API refuses beside its field', async () => {
    const { api, user } = show({
      [reconcileRoute]: apiError(400, 'Validation failed', {
        statementDate: ['statementDate must not be before the opening date'],
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Reconcile Everyday' }));
    const dialog = screen.getByRole('dialog', { name: 'Reconcile Everyday' });
    await user.click(within(dialog).getByRole('button', { name: 'Compare' }));
    expect(within(dialog).getByLabelText('Statement balance')).toHaveAccessibleDescription(
      'Enter an amount like 1200.50, or -300 for money owed',
    );
    expect(api.requestsTo(reconcileRoute)).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Statement balance'), '-5');
    await user.click(within(dialog).getByRole('button', { name: 'Compare' }));
    expect(await within(dialog).findByLabelText('Statement date')).toHaveAccessibleDescription(
      'Statement date must not be before the opening date',
    );
    expect(await bodyOf(defined(api.requestsTo(reconcileRoute)[0]))).toMatchObject({
      statementBalanceCents: -500,
    });
  });
});
