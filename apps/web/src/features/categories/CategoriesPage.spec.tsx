import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aCategory, aCategoryList } from '../../test/factories/categories';
import { apiError, fakeApi, json, pending } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { CategoriesPage } from './CategoriesPage';
import { defined } from '../../test/defined';

const LIST = 'GET /api/v1/categories';

const groceries = aCategory({ name: 'Groceries', kind: 'expense', color: '#22c55e' });
const rent = aCategory({ name: 'Rent', kind: 'expense', color: '#ef4444' });
const salary = aCategory({ name: 'Salary', kind: 'income', color: '#0ea5e9' });

const show = () => renderPage(<CategoriesPage />, { url: '/categories', path: '/categories' });

describe('CategoriesPage', () => {
  describe('states', () => {
    it('shows a skeleton while the categories load', () => {
      fakeApi({ [LIST]: pending });
      show();
      expect(screen.getByRole('status', { name: 'Loading categories' })).toBeInTheDocument();
    });

    it('explains a failed load and tries again on request', async () => {
      const network = fakeApi({ [LIST]: apiError(503, 'Database unavailable') });
      const { user } = show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Categories could not be loaded');
      expect(alert).toHaveTextContent('Database unavailable');

      network.on(LIST, json(aCategoryList([groceries])));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('Groceries')).toBeInTheDocument();
    });

    it('offers to create the first category when there is none', async () => {
      fakeApi({ [LIST]: json(aCategoryList([])) });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Create a category' }));
      expect(screen.getByRole('dialog', { name: 'New category' })).toBeVisible();
    });

    it('lists categories by kind with their colours', async () => {
      const network = fakeApi({ [LIST]: json(aCategoryList([groceries, rent, salary])) });
      show();
      const expenses = await screen.findByRole('region', { name: 'Expense categories' });
      expect(
        within(expenses)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([
        expect.stringContaining('Groceries#22c55e'),
        expect.stringContaining('Rent#ef4444'),
      ]);
      const income = screen.getByRole('region', { name: 'Income categories' });
      expect(within(income).getByText('Salary')).toBeInTheDocument();
      expect(new URL(defined(network.requests[0]).url).searchParams.get('limit')).toBe('100');
    });

    it('fetches every page when there are more categories than one page holds', async () => {
      const network = fakeApi({
        [LIST]: (_request, url) =>
          json(
            url.searchParams.get('page') === '1'
              ? aCategoryList([groceries], { total: 2, limit: 1 })
              : aCategoryList([salary], { total: 2, page: 2, limit: 1 }),
          ),
      });
      show();
      expect(await screen.findByText('Salary')).toBeInTheDocument();
      expect(screen.getByText('Groceries')).toBeInTheDocument();
      expect(network.requestsTo(LIST)).toHaveLength(2);
    });
  });

  describe('creating and editing', () => {
    it('creates a category with its name, kind and colour, then lists it', async () => {
      const bonus = aCategory({ name: 'Bonus', kind: 'income', color: '#a855f7' });
      const network = fakeApi({
        [LIST]: json(aCategoryList([groceries])),
        'POST /api/v1/categories': json(bonus, 201),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'New category' }));
      const dialog = screen.getByRole('dialog', { name: 'New category' });
      await user.type(within(dialog).getByLabelText('Name'), 'Bonus');
      await user.selectOptions(within(dialog).getByLabelText('Kind'), 'income');
      const hex = within(dialog).getByLabelText('Hex code');
      await user.clear(hex);
      await user.type(hex, '#a855f7');
      network.on(LIST, json(aCategoryList([groceries, bonus])));
      await user.click(within(dialog).getByRole('button', { name: 'Create category' }));

      expect(await screen.findByText('Category “Bonus” created')).toBeInTheDocument();
      const request = defined(network.requestsTo('POST /api/v1/categories')[0]);
      expect(await request.json()).toEqual({ name: 'Bonus', kind: 'income', color: '#a855f7' });
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(await screen.findByText('Bonus')).toBeInTheDocument();
    });

    it('shows the API’s message next to the field it is about and keeps the form open', async () => {
      fakeApi({
        [LIST]: json(aCategoryList([groceries])),
        'POST /api/v1/categories': apiError(409, "A category named 'Groceries' already exists", {
          name: ["a category named 'Groceries' already exists"],
        }),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'New category' }));
      const dialog = screen.getByRole('dialog');
      await user.type(within(dialog).getByLabelText('Name'), 'Groceries');
      await user.click(within(dialog).getByRole('button', { name: 'Create category' }));

      const name = within(dialog).getByLabelText('Name');
      await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
      expect(name).toHaveAccessibleDescription("A category named 'Groceries' already exists");
      expect(name).toHaveFocus();
      const alert = within(dialog).getByRole('alert');
      expect(alert).toHaveTextContent('Check the highlighted fields. Reference: ffffffff');
      expect(alert.parentElement?.firstElementChild).toBe(alert);
    });

    it('opens on the name, and checks name and colour before sending', async () => {
      const network = fakeApi({ [LIST]: json(aCategoryList([])) });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'New category' }));
      const dialog = screen.getByRole('dialog');
      const name = within(dialog).getByLabelText('Name');
      expect(name).toHaveFocus();
      await user.type(name, '   ');
      const hex = within(dialog).getByLabelText('Hex code');
      await user.clear(hex);
      await user.type(hex, '#12');
      await user.click(within(dialog).getByRole('button', { name: 'Create category' }));

      expect(name).toHaveAccessibleDescription('Enter a name');
      expect(name).toHaveFocus();
      expect(hex).toHaveAccessibleDescription('Enter a colour like #22c55e');
      expect(network.requestsTo('POST /api/v1/categories')).toHaveLength(0);
    });

    it('keeps the colour picker and the hex code in step', async () => {
      fakeApi({ [LIST]: json(aCategoryList([])) });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'New category' }));
      const picker = screen.getByLabelText('Pick a colour');
      const hex = screen.getByLabelText('Hex code');
      expect(picker).toHaveValue('#64748b');

      fireEvent.change(picker, { target: { value: '#ff8800' } });
      expect(hex).toHaveValue('#ff8800');

      await user.clear(hex);
      await user.type(hex, '#00AA11');
      expect(picker).toHaveValue('#00aa11');
    });

    it('edits a category and marks transactions, budgets and the dashboard stale', async () => {
      const network = fakeApi({
        [LIST]: json(aCategoryList([groceries, salary])),
        [`PATCH /api/v1/categories/${groceries.id}`]: json({ ...groceries, name: 'Food' }),
      });
      const { user, queryClient } = show();
      for (const key of [
        ['transactions', 'list'],
        ['budgets', 'list'],
        ['dashboard', 'month'],
      ]) {
        queryClient.setQueryData(key, { seeded: true });
      }
      await user.click(await screen.findByRole('button', { name: 'Edit Groceries' }));
      const dialog = screen.getByRole('dialog', { name: 'Edit “Groceries”' });
      const name = within(dialog).getByLabelText('Name');
      expect(name).toHaveValue('Groceries');
      expect(within(dialog).getByLabelText('Hex code')).toHaveValue('#22c55e');
      await user.clear(name);
      await user.type(name, 'Food');
      await user.click(within(dialog).getByRole('button', { name: 'Save category' }));

      expect(await screen.findByText('Category “Food” saved')).toBeInTheDocument();
      const request = defined(network.requestsTo(`PATCH /api/v1/categories/${groceries.id}`)[0]);
      expect(await request.json()).toEqual({ name: 'Food', kind: 'expense', color: '#22c55e' });
      for (const key of [
        ['transactions', 'list'],
        ['budgets', 'list'],
        ['dashboard', 'month'],
      ]) {
        expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
      }
    });
  });

  describe('deleting', () => {
    it('explains what happens to its transactions, and deletes on confirmation', async () => {
      const network = fakeApi({
        [LIST]: json(aCategoryList([groceries, rent])),
        [`DELETE /api/v1/categories/${rent.id}`]: json(null, 204),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Delete Rent' }));
      const dialog = screen.getByRole('dialog', { name: 'Delete “Rent”?' });
      expect(dialog).toHaveTextContent('Transactions already in this category keep it');

      network.on(LIST, json(aCategoryList([groceries])));
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
      expect(await screen.findByText('Category “Rent” deleted')).toBeInTheDocument();
      expect(network.requestsTo(`DELETE /api/v1/categories/${rent.id}`)).toHaveLength(1);
      await waitFor(() => expect(screen.queryByText('Rent')).not.toBeInTheDocument());
    });

    it('deletes nothing when cancelled', async () => {
      const network = fakeApi({ [LIST]: json(aCategoryList([rent])) });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Delete Rent' }));
      await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(network.requests.filter((request) => request.method === 'DELETE')).toHaveLength(0);
    });

    it('keeps the dialog open with the reason when the delete fails', async () => {
      fakeApi({
        [LIST]: json(aCategoryList([rent])),
        [`DELETE /api/v1/categories/${rent.id}`]: apiError(404, `Category ${rent.id} not found`),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Delete Rent' }));
      const dialog = screen.getByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        /not found Reference: ffffffff/,
      );
    });
  });
});
