import { screen, waitFor, within } from '@testing-library/react';
import { aTransaction, aTransactionPage } from '../../../test/factories/transactions';
import { aCategoryList } from '../../../test/factories/categories';
import { apiError, bodyOf, json } from '../../../test/fake-api';
import { somePreferences } from '../../preferences/testing/factories';
import { groceries, renderTransactionsPage } from './render-transactions-page';
import { defined } from '../../../test/defined';

/** Today as the date input holds it, in the local time zone. */
const today = () => new Date().toLocaleDateString('en-CA');

describe('TransactionsPage form', () => {
  describe('adding', () => {
    it('starts from today and the last used currency, sends cents, and lists the new one', async () => {
      const saved = aTransaction({
        description: 'Groceries run',
        amountCents: 1250,
        currency: 'USD',
      });
      let listed = [aTransaction({ description: 'Older', currency: 'USD' })];
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': () => json(aTransactionPage(listed)),
        'POST /api/v1/transactions': () => {
          listed = [saved, ...listed];
          return json(saved, 201);
        },
      });
      await screen.findByText('Older');
      await user.click(screen.getByRole('button', { name: 'Add transaction' }));
      const dialog = screen.getByRole('dialog', { name: 'Add transaction' });
      expect(within(dialog).getByLabelText('Date')).toHaveValue(today());
      expect(within(dialog).getByRole('textbox', { name: 'Currency' })).toHaveValue('USD');

      await user.type(
        within(dialog).getByRole('textbox', { name: 'Description' }),
        'Groceries run',
      );
      await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '12.50');
      await user.type(within(dialog).getByRole('textbox', { name: 'Notes' }), 'Weekly shop');
      await user.click(within(dialog).getByRole('button', { name: 'Add transaction' }));

      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(await defined(network.requestsTo('POST /api/v1/transactions')[0]).json()).toEqual({
        description: 'Groceries run',
        amountCents: 1250,
        currency: 'USD',
        occurredOn: today(),
        categoryId: null,
        type: 'expense',
        notes: 'Weekly shop',
      });
      expect(screen.getByRole('status')).toHaveTextContent('Transaction added');
      expect(await screen.findByText('Groceries run')).toBeInTheDocument();
    });

    it('starts the first transaction in the default currency', async () => {
      const { user, queryClient } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([])),
        'GET /api/v1/users/me/preferences': json(somePreferences({ defaultCurrency: 'CHF' })),
      });
      await waitFor(() => expect(queryClient.getQueryData(['preferences', 'me'])).toBeDefined());
      await user.click(await screen.findByRole('button', { name: 'Add your first transaction' }));
      const dialog = screen.getByRole('dialog', { name: 'Add transaction' });
      expect(within(dialog).getByRole('textbox', { name: 'Currency' })).toHaveValue('CHF');
    });

    it('with a category, lets the category decide the type', async () => {
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([])),
        'POST /api/v1/transactions': json(aTransaction(), 201),
      });
      await user.click(await screen.findByRole('button', { name: 'Add your first transaction' }));
      const dialog = screen.getByRole('dialog');
      expect(within(dialog).getByRole('textbox', { name: 'Currency' })).toHaveValue('EUR');
      await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Bread');
      await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '3,2');
      await user.selectOptions(
        within(dialog).getByRole('combobox', { name: 'Category' }),
        'Groceries',
      );
      expect(within(dialog).queryByRole('combobox', { name: 'Type' })).not.toBeInTheDocument();
      expect(
        within(dialog).getByRole('combobox', { name: 'Category' }),
      ).toHaveAccessibleDescription('Counted as an expense, like its category');
      await user.click(within(dialog).getByRole('button', { name: 'Add transaction' }));

      await waitFor(() => expect(network.requestsTo('POST /api/v1/transactions')).toHaveLength(1));
      const body = await bodyOf(defined(network.requestsTo('POST /api/v1/transactions')[0]));
      expect(body).toMatchObject({ amountCents: 320, categoryId: groceries.id });
      expect(body).not.toHaveProperty('type');
    });

    it("keeps the dialog open with the API's messages by their fields, focusing the first", async () => {
      const { user } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([])),
        'POST /api/v1/transactions': apiError(400, 'Validation failed', {
          description: ['description must be shorter than or equal to 255 characters'],
          currency: ['currency must be an ISO 4217 code such as EUR'],
        }),
      });
      await user.click(await screen.findByRole('button', { name: 'Add transaction' }));
      const dialog = screen.getByRole('dialog');
      const description = within(dialog).getByRole('textbox', { name: 'Description' });
      await user.type(description, 'Tea');
      await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '5');
      await user.clear(within(dialog).getByRole('textbox', { name: 'Currency' }));
      await user.type(within(dialog).getByRole('textbox', { name: 'Currency' }), 'XXX');
      await user.click(within(dialog).getByRole('button', { name: 'Add transaction' }));

      await waitFor(() => expect(description).toHaveFocus());
      expect(description).toHaveAccessibleDescription(
        'Description must be shorter than or equal to 255 characters',
      );
      expect(within(dialog).getByRole('textbox', { name: 'Currency' })).toHaveAccessibleDescription(
        'Currency must be an ISO 4217 code such as EUR',
      );
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        'Check the highlighted fields. Reference: ffffffff',
      );
      expect(screen.getByRole('dialog')).toBeInTheDocument();
      expect(screen.queryByText('Transaction added')).not.toBeInTheDocument();
    });

    it('explains a refusal no field accounts for, with its reference', async () => {
      const { user } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([])),
        'POST /api/v1/transactions': apiError(404, 'Category not found'),
      });
      await user.click(await screen.findByRole('button', { name: 'Add transaction' }));
      const dialog = screen.getByRole('dialog');
      await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Tea');
      await user.type(within(dialog).getByRole('textbox', { name: 'Amount' }), '2');
      await user.click(within(dialog).getByRole('button', { name: 'Add transaction' }));
      const alert = await within(dialog).findByRole('alert');
      expect(alert).toHaveTextContent('Category not found Reference: ffffffff');
      expect(alert.parentElement?.firstElementChild).toBe(alert);
    });

    it('opens on the description, and checks every field before sending', async () => {
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([])),
      });
      await user.click(await screen.findByRole('button', { name: 'Add transaction' }));
      const dialog = screen.getByRole('dialog');
      const description = within(dialog).getByRole('textbox', { name: 'Description' });
      expect(description).toHaveFocus();
      await user.clear(within(dialog).getByRole('textbox', { name: 'Currency' }));
      await user.clear(within(dialog).getByLabelText('Date'));
      await user.click(within(dialog).getByRole('button', { name: 'Add transaction' }));

      expect(description).toHaveAccessibleDescription('Enter a description');
      expect(description).toHaveFocus();
      expect(within(dialog).getByRole('textbox', { name: 'Amount' })).toHaveAccessibleDescription(
        'Enter an amount like 12.50',
      );
      expect(within(dialog).getByRole('textbox', { name: 'Currency' })).toHaveAccessibleDescription(
        'Enter a currency code like EUR',
      );
      expect(within(dialog).getByLabelText('Date')).toHaveAccessibleDescription('Enter the date');
      expect(network.requestsTo('POST /api/v1/transactions')).toHaveLength(0);
    });

    it('refuses an amount that is not one without asking the API', async () => {
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([])),
      });
      await user.click(await screen.findByRole('button', { name: 'Add transaction' }));
      const dialog = screen.getByRole('dialog');
      await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Tea');
      const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
      await user.type(amount, '12.345');
      await user.click(within(dialog).getByRole('button', { name: 'Add transaction' }));

      expect(amount).toHaveAccessibleDescription('Enter an amount like 12.50');
      expect(amount).toHaveFocus();
      expect(network.requestsTo('POST /api/v1/transactions')).toHaveLength(0);
    });
  });

  describe('editing', () => {
    const lunch = aTransaction({
      description: 'Lunch',
      amountCents: 1250,
      notes: 'With the team',
      category: groceries,
    });

    it('starts from the transaction, sends the changes and reports success', async () => {
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([lunch])),
        [`GET /api/v1/transactions/${lunch.id}/history`]: json({ items: [] }),
        [`PATCH /api/v1/transactions/${lunch.id}`]: json({ ...lunch, amountCents: 1500 }),
      });
      await user.click(await screen.findByRole('button', { name: /Lunch/ }));
      await user.click(screen.getByRole('button', { name: 'Edit' }));
      const dialog = screen.getByRole('dialog', { name: 'Edit transaction' });
      const amount = within(dialog).getByRole('textbox', { name: 'Amount' });
      expect(amount).toHaveValue('12.50');
      expect(within(dialog).getByRole('combobox', { name: 'Category' })).toHaveValue(groceries.id);

      await user.clear(amount);
      await user.type(amount, '15');
      await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(
        await defined(network.requestsTo(`PATCH /api/v1/transactions/${lunch.id}`)[0]).json(),
      ).toEqual({
        description: 'Lunch',
        amountCents: 1500,
        currency: 'EUR',
        occurredOn: lunch.occurredOn,
        categoryId: groceries.id,
        notes: 'With the team',
        // The account field keeps the transaction's account.
        accountId: lunch.accountId,
      });
      expect(screen.getByRole('status')).toHaveTextContent('Transaction updated');
    });

    it('keeps a category that is no longer listed', async () => {
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/categories': json(aCategoryList([])),
        'GET /api/v1/transactions': json(aTransactionPage([lunch])),
        [`GET /api/v1/transactions/${lunch.id}/history`]: json({ items: [] }),
        [`PATCH /api/v1/transactions/${lunch.id}`]: json(lunch),
      });
      await user.click(await screen.findByRole('button', { name: /Lunch/ }));
      await user.click(screen.getByRole('button', { name: 'Edit' }));
      const dialog = screen.getByRole('dialog');
      expect(within(dialog).getByRole('combobox', { name: 'Category' })).toHaveValue(groceries.id);
      await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

      await waitFor(() =>
        expect(network.requestsTo(`PATCH /api/v1/transactions/${lunch.id}`)).toHaveLength(1),
      );
      expect(
        await defined(network.requestsTo(`PATCH /api/v1/transactions/${lunch.id}`)[0]).json(),
      ).toMatchObject({ categoryId: groceries.id });
    });

    it('closes on Cancel without saving', async () => {
      const { user, network } = renderTransactionsPage({
        'GET /api/v1/transactions': json(aTransactionPage([lunch])),
        [`GET /api/v1/transactions/${lunch.id}/history`]: json({ items: [] }),
      });
      await user.click(await screen.findByRole('button', { name: /Lunch/ }));
      await user.click(screen.getByRole('button', { name: 'Edit' }));
      await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(network.requestsTo(`PATCH /api/v1/transactions/${lunch.id}`)).toHaveLength(0);
    });
  });
});
