import { screen, waitFor, within } from '@testing-library/react';
import { anAccount, anAccountList } from '../../../test/factories/accounts';
import { defined } from '../../../test/defined';
import { apiError, bodyOf, fakeApi, type FakeRoute, json, pending } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import { somePreferences } from '../../preferences/testing/factories';
import { AccountsPage } from '../AccountsPage';

const ACCOUNTS = 'GET /api/v1/accounts';
const PREFERENCES = 'GET /api/v1/users/me/preferences';

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [ACCOUNTS]: json(anAccountList([])),
    [PREFERENCES]: json(somePreferences({ defaultCurrency: 'CHF' })),
    ...routes,
  });
}

const show = () => renderPage(<AccountsPage />, { url: '/accounts', path: '/accounts' });

describe('AccountsPage', () => {
  it('shows a skeleton while the accounts load', () => {
    network({ [ACCOUNTS]: pending });
    show();
    expect(screen.getByRole('status', { name: 'Loading accounts' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New account' })).toBeDisabled();
  });

  it('explains a failed load and retries it', async () => {
    const api = network({ [ACCOUNTS]: apiError(500, 'Internal server error') });
    const { user } = show();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Accounts could not be loaded');
    expect(alert).toHaveTextContent('Internal server error');

    api.on(ACCOUNTS, json(anAccountList([])));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No accounts yet')).toBeInTheDocument();
    expect(api.requestsTo(ACCOUNTS)).toHaveLength(2);
  });

  it('offers to add the first account, in the default currency, opening today', async () => {
    network();
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Add an account' }));
    const dialog = screen.getByRole('dialog', { name: 'New account' });
    expect(within(dialog).getByLabelText('Currency')).toHaveValue('CHF');
    expect(within(dialog).getByLabelText('Opening balance')).toHaveValue('0');
    expect(within(dialog).getByLabelText('Opening date')).toHaveValue(
      new Date().toLocaleDateString('en-CA'),
    );
  });

  it('lists open and archived accounts apart, with totals per currency added exactly', async () => {
    const checking = anAccount({
      name: 'Everyday',
      balanceCents: '9007199254740993',
      lastReconciledOn: '2026-11-30',
    });
    const card = anAccount({ name: 'Visa', kind: 'credit_card', balanceCents: '-30050' });
    const dollars = anAccount({ name: 'US checking', currency: 'USD', balanceCents: '5000' });
    const old = anAccount({ name: 'Old savings', kind: 'savings', archived: true });
    network({ [ACCOUNTS]: json(anAccountList([checking, card, dollars, old])) });
    show();

    const open = await screen.findByRole('region', { name: 'Open accounts' });
    const everyday = within(open).getByRole('listitem', { name: 'Everyday' });
    expect(everyday).toHaveTextContent('Checking · EUR · Reconciled on Nov 30, 2026');
    expect(everyday).toHaveTextContent('€90,071,992,547,409.93');
    expect(within(everyday).getByRole('link', { name: 'Everyday' })).toHaveAttribute(
      'href',
      `/transactions?accountId=${checking.id}`,
    );
    const visa = within(open).getByRole('listitem', { name: 'Visa' });
    expect(visa).toHaveTextContent('Credit card · EUR · Never reconciled');
    expect(visa).toHaveTextContent('−€300.50');
    // 9007199254740993 − 30050 would lose its last cent as a Number.
    expect(within(open).getByText('Total in EUR').nextSibling).toHaveTextContent(
      '€90,071,992,547,109.43',
    );
    expect(within(open).getByText('Total in USD').nextSibling).toHaveTextContent('$50.00');

    const archived = screen.getByRole('region', { name: 'Archived' });
    expect(within(archived).getAllByRole('listitem')).toHaveLength(1);
    expect(within(archived).getByRole('button', { name: 'Unarchive Old savings' })).toBeVisible();
    expect(
      within(archived).queryByRole('button', { name: 'Reconcile Old savings' }),
    ).not.toBeInTheDocument();
  });

  it('checks the form before sending and shows what the API refuses beside its field', async () => {
    const api = network({
      'POST /api/v1/accounts': apiError(400, 'Validation failed', {
        name: ['name is already used by another account'],
      }),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'New account' }));
    const dialog = screen.getByRole('dialog', { name: 'New account' });

    await user.clear(within(dialog).getByLabelText('Opening balance'));
    await user.type(within(dialog).getByLabelText('Opening balance'), '12,x');
    await user.click(within(dialog).getByRole('button', { name: 'Create account' }));
    expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
      'Enter a name, such as Everyday checking',
    );
    expect(within(dialog).getByLabelText('Opening balance')).toHaveAccessibleDescription(
      'Enter an amount like 1200.50, or -300 for money owed',
    );
    expect(api.requestsTo('POST /api/v1/accounts')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Name'), 'Visa');
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'Credit card');
    await user.clear(within(dialog).getByLabelText('Opening balance'));
    await user.type(within(dialog).getByLabelText('Opening balance'), '-300.5');
    await user.click(within(dialog).getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(api.requestsTo('POST /api/v1/accounts')).toHaveLength(1));
    expect(
      await bodyOf(defined(api.requestsTo('POST /api/v1/accounts')[0], 'the create request')),
    ).toEqual({
      name: 'Visa',
      kind: 'credit_card',
      currency: 'CHF',
      openingBalanceCents: -30_050,
      openingDate: new Date().toLocaleDateString('en-CA'),
    });
    expect(await within(dialog).findByLabelText('Name')).toHaveAccessibleDescription(
      'Name is already used by another account',
    );
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Check the highlighted fields.');
  });

  it('edits an account without sending its currency, which stays', async () => {
    const card = anAccount({ name: 'Visa', kind: 'credit_card', openingBalanceCents: -1250 });
    const api = network({
      [ACCOUNTS]: json(anAccountList([card])),
      [`PATCH /api/v1/accounts/${card.id}`]: json({ ...card, name: 'Visa Gold' }),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Edit Visa' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Visa' });
    expect(within(dialog).getByLabelText('Currency')).toHaveAttribute('readonly');
    expect(within(dialog).getByLabelText('Opening balance')).toHaveValue('-12.50');
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Visa Gold');
    await user.click(within(dialog).getByRole('button', { name: 'Save account' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [patch] = api.requestsTo(`PATCH /api/v1/accounts/${card.id}`);
    expect(await bodyOf(defined(patch, 'the edit request'))).toEqual({
      name: 'Visa Gold',
      kind: 'credit_card',
      openingBalanceCents: -1250,
      openingDate: '2026-01-01',
    });
    expect(screen.getByRole('status')).toHaveTextContent('Visa Gold saved');
  });

  it('archives an account and unarchives another', async () => {
    const open = anAccount({ name: 'Everyday' });
    const old = anAccount({ name: 'Old savings', archived: true });
    const api = network({
      [ACCOUNTS]: json(anAccountList([open, old])),
      [`PATCH /api/v1/accounts/${open.id}`]: json({ ...open, archived: true }),
      [`PATCH /api/v1/accounts/${old.id}`]: json({ ...old, archived: false }),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Archive Everyday' }));
    await waitFor(() =>
      expect(api.requestsTo(`PATCH /api/v1/accounts/${open.id}`)).toHaveLength(1),
    );
    const [archive] = api.requestsTo(`PATCH /api/v1/accounts/${open.id}`);
    expect(await bodyOf(defined(archive))).toEqual({ archived: true });
    expect(await screen.findByText('Everyday archived')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Unarchive Old savings' }));
    const [unarchive] = await waitFor(() => {
      const requests = api.requestsTo(`PATCH /api/v1/accounts/${old.id}`);
      expect(requests).toHaveLength(1);
      return requests;
    });
    expect(await bodyOf(defined(unarchive))).toEqual({ archived: false });
  });

  it("deletes an empty account, and shows the API's refusal for one in use", async () => {
    const empty = anAccount({ name: 'Spare' });
    const used = anAccount({ name: 'Everyday' });
    let listed = [empty, used];
    const api = network({
      [ACCOUNTS]: () => json(anAccountList(listed)),
      [`DELETE /api/v1/accounts/${empty.id}`]: () => {
        listed = [used];
        return json(null, 204);
      },
      [`DELETE /api/v1/accounts/${used.id}`]: apiError(
        422,
        'The account has transactions or recurring rules: archive it instead',
      ),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Delete Spare' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete Spare?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Spare was deleted')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('listitem', { name: 'Spare' })).not.toBeInTheDocument(),
    );

    await user.click(screen.getByRole('button', { name: 'Delete Everyday' }));
    const refused = screen.getByRole('dialog', { name: 'Delete Everyday?' });
    await user.click(within(refused).getByRole('button', { name: 'Delete' }));
    expect(await within(refused).findByRole('alert')).toHaveTextContent(
      'The account has transactions or recurring rules: archive it instead',
    );
    expect(api.requestsTo(`DELETE /api/v1/accounts/${used.id}`)).toHaveLength(1);
    expect(screen.getByRole('listitem', { name: 'Everyday' })).toBeInTheDocument();
  });
});
