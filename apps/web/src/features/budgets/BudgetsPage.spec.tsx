import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { publishRealtime } from '../realtime';
import {
  aBudget,
  aBudgetAlert,
  aBudgetAlertPage,
  aBudgetAt,
  aBudgetList,
} from '../../test/factories/budgets';
import { aCategory, aCategoryList } from '../../test/factories/categories';
import { somePreferences } from '../preferences/testing/factories';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { BudgetsPage } from './BudgetsPage';
import { defined } from '../../test/defined';

const BUDGETS = 'GET /api/v1/budgets';
const CATEGORIES = 'GET /api/v1/categories';
const ALERTS = 'GET /api/v1/budgets/alerts';
const PREFERENCES = 'GET /api/v1/users/me/preferences';

const groceries = aCategory({ name: 'Groceries', kind: 'expense' });
const salary = aCategory({ name: 'Salary', kind: 'income' });

/** The three lists and the preferences the page loads; each test overrides what it is about. */
function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [BUDGETS]: json(aBudgetList([])),
    [CATEGORIES]: json(aCategoryList([groceries, salary])),
    [ALERTS]: json(aBudgetAlertPage([])),
    [PREFERENCES]: json(somePreferences()),
    ...routes,
  });
}

const show = () => renderPage(<BudgetsPage />, { url: '/budgets', path: '/budgets' });

const alertsRegion = () => screen.findByRole('region', { name: 'Threshold alerts' });

/** An event from the API's socket, as the realtime connection hands it to the page. */
const announce = (type: string, payload: unknown) =>
  act(() => publishRealtime({ type, payload, traceId: null, at: '2026-11-21T10:00:00.000Z' }));

const cardOf = (title: string) =>
  screen.getByRole('heading', { level: 3, name: title }).closest('li') as HTMLElement;

describe('BudgetsPage', () => {
  describe('states', () => {
    it('shows a skeleton while the budgets load', () => {
      network({ [BUDGETS]: pending });
      show();
      expect(screen.getByRole('status', { name: 'Loading budgets' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'New budget' })).toBeDisabled();
    });

    it('explains a failed load and retries only what failed', async () => {
      const api = network({ [CATEGORIES]: apiError(500, 'Internal server error') });
      const { user } = show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Budgets could not be loaded');
      expect(alert).toHaveTextContent('Internal server error');

      api.on(CATEGORIES, json(aCategoryList([groceries])));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('No budgets yet')).toBeInTheDocument();
      expect(api.requestsTo(CATEGORIES)).toHaveLength(2);
      expect(api.requestsTo(BUDGETS)).toHaveLength(1);
    });

    it('waits for the default currency a new budget starts in, and retries it alone', async () => {
      const api = network({ [PREFERENCES]: apiError(500, 'Internal server error') });
      const { user } = show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Budgets could not be loaded');
      expect(screen.getByRole('button', { name: 'New budget' })).toBeDisabled();

      api.on(PREFERENCES, json(somePreferences()));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('No budgets yet')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'New budget' })).toBeEnabled();
      expect(api.requestsTo(PREFERENCES)).toHaveLength(2);
      expect(api.requestsTo(BUDGETS)).toHaveLength(1);
    });

    it('offers to create the first budget, and to create a category when there is none', async () => {
      network({ [CATEGORIES]: json(aCategoryList([])) });
      const { user } = show();
      expect(await screen.findByText('No budgets yet')).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'create a category' })).toHaveAttribute(
        'href',
        '/categories',
      );
      await user.click(screen.getByRole('button', { name: 'Create a budget' }));
      expect(screen.getByRole('dialog', { name: 'New budget' })).toBeVisible();
    });

    it('shows each budget’s progress, status in words, thresholds and what is left', async () => {
      network({
        [BUDGETS]: json(
          aBudgetList([
            aBudgetAt(42_000, { categoryId: groceries.id, alertThresholds: [90, 100] }),
            aBudgetAt(46_000, { alertThresholds: [80, 100] }),
            aBudgetAt(60_000, { categoryId: 'gone', period: 'weekly' }),
          ]),
        ),
      });
      show();

      const groceriesBar = await screen.findByRole('progressbar', { name: 'Groceries spending' });
      expect(groceriesBar).toHaveAttribute('aria-valuenow', '84');
      expect(groceriesBar).toHaveAttribute('aria-valuetext', '€420.00 of €500.00 (84%)');
      const groceriesCard = cardOf('Groceries');
      expect(groceriesCard).toHaveTextContent('On track');
      expect(groceriesCard).toHaveTextContent('Alerts at 90%, 100%');
      expect(groceriesCard).toHaveTextContent('€80.00 left');
      expect(groceriesCard).toHaveTextContent('Monthly · Nov 1 – Nov 30');

      expect(cardOf('All spending')).toHaveTextContent('80% reached');

      const over = cardOf('Deleted category');
      expect(over).toHaveTextContent('Over budget');
      expect(over).toHaveTextContent('€100.00 over the limit');
      const overBar = within(over).getByRole('progressbar');
      expect(overBar).toHaveAttribute('aria-valuenow', '100');
      expect(overBar).toHaveAttribute('aria-valuetext', '€600.00 of €500.00 (120%)');
    });

    it('shows spending past 2^53 to the cent', async () => {
      // The API sends sums as exact decimal strings: here 91 × 10^14 cents and one more.
      network({
        [BUDGETS]: json(
          aBudgetList([aBudgetAt('9100000000000001', { limitCents: 100_000_000_000_000 })]),
        ),
      });
      show();
      const bar = await screen.findByRole('progressbar', { name: 'All spending spending' });
      expect(bar).toHaveAttribute(
        'aria-valuetext',
        '€91,000,000,000,000.01 of €1,000,000,000,000.00 (9,100%)',
      );
      expect(cardOf('All spending')).toHaveTextContent('€90,000,000,000,000.01 over the limit');
    });

    it('scales the bar to the highest threshold so every mark is on it', async () => {
      network({
        [BUDGETS]: json(aBudgetList([aBudgetAt(10_000, { alertThresholds: [50, 150] })])),
      });
      show();
      const bar = await screen.findByRole('progressbar');
      expect(bar).toHaveAttribute('aria-valuemax', '150');
      const marks = Array.from(bar.querySelectorAll<HTMLElement>('.budget-progress__mark'));
      expect(marks.map((mark) => parseFloat(mark.style.left))).toEqual([
        expect.closeTo(33.33, 1),
        100,
      ]);
    });
  });

  describe('creating and editing', () => {
    it('creates a budget in the default currency from a decimal limit and a list of thresholds', async () => {
      const created = aBudget({ categoryId: groceries.id, currency: 'CHF' });
      const api = network({
        [PREFERENCES]: json(somePreferences({ defaultCurrency: 'CHF' })),
        'POST /api/v1/budgets': json(created, 201),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Create a budget' }));
      const dialog = screen.getByRole('dialog', { name: 'New budget' });
      const category = within(dialog).getByLabelText('Category');
      expect(
        within(category)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['All spending', 'Groceries']);
      expect(within(dialog).getByLabelText('Currency')).toHaveValue('CHF');
      await user.selectOptions(category, 'Groceries');
      await user.selectOptions(within(dialog).getByLabelText('Period'), 'weekly');
      await user.type(within(dialog).getByLabelText('Limit'), '499,9');
      // A new budget starts on the first of the current month.
      expect((within(dialog).getByLabelText('Starts on') as HTMLInputElement).value).toMatch(
        /^\d{4}-\d{2}-01$/,
      );
      fireEvent.change(within(dialog).getByLabelText('Starts on'), {
        target: { value: '2026-11-02' },
      });
      const thresholds = within(dialog).getByLabelText('Alert thresholds (%)');
      await user.clear(thresholds);
      await user.type(thresholds, '100, 75%');
      api.on(BUDGETS, json(aBudgetList([created])));
      await user.click(within(dialog).getByRole('button', { name: 'Create budget' }));

      expect(await screen.findByText('Groceries budget created')).toBeInTheDocument();
      expect(await defined(api.requestsTo('POST /api/v1/budgets')[0]).json()).toEqual({
        categoryId: groceries.id,
        period: 'weekly',
        limitCents: 49_990,
        currency: 'CHF',
        startDate: '2026-11-02',
        alertThresholds: [75, 100],
      });
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(await screen.findByRole('progressbar', { name: 'Groceries spending' })).toBeVisible();
    });

    it('checks the limit and thresholds before sending anything', async () => {
      const api = network();
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'New budget' }));
      const dialog = screen.getByRole('dialog');
      await user.type(within(dialog).getByLabelText('Limit'), '12.345');
      const thresholds = within(dialog).getByLabelText('Alert thresholds (%)');
      await user.clear(thresholds);
      await user.type(thresholds, 'eighty');
      await user.click(within(dialog).getByRole('button', { name: 'Create budget' }));

      expect(within(dialog).getByLabelText('Limit')).toHaveAccessibleDescription(
        'Enter an amount like 12.50',
      );
      expect(thresholds).toHaveAccessibleDescription(
        'Enter whole percentages separated by commas, such as 80, 100',
      );
      expect(api.requestsTo('POST /api/v1/budgets')).toHaveLength(0);
    });

    it('shows the API’s messages next to the fields they are about', async () => {
      network({
        'POST /api/v1/budgets': apiError(400, 'Validation failed', {
          alertThresholds: ['each alert threshold must be at most 1000 percent'],
          currency: ['currency must be an ISO 4217 code such as EUR'],
        }),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'New budget' }));
      const dialog = screen.getByRole('dialog');
      await user.type(within(dialog).getByLabelText('Limit'), '500');
      await user.click(within(dialog).getByRole('button', { name: 'Create budget' }));

      await waitFor(() =>
        expect(within(dialog).getByLabelText('Alert thresholds (%)')).toHaveAccessibleDescription(
          'Each alert threshold must be at most 1000 percent',
        ),
      );
      expect(within(dialog).getByLabelText('Currency')).toHaveAccessibleDescription(
        'Currency must be an ISO 4217 code such as EUR',
      );
      expect(within(dialog).getByRole('alert')).toHaveTextContent('Check the highlighted fields.');
    });

    it('edits the limit, period, start and thresholds of a budget', async () => {
      const budget = aBudget({ categoryId: groceries.id, limitCents: 50_000 });
      const api = network({
        [BUDGETS]: json(aBudgetList([budget])),
        [`PATCH /api/v1/budgets/${budget.id}`]: json({ ...budget, limitCents: 60_050 }),
      });
      const { user } = show();
      await user.click(
        await screen.findByRole('button', { name: 'Edit Groceries monthly budget' }),
      );
      const dialog = screen.getByRole('dialog', { name: 'Edit the Groceries monthly budget' });
      expect(dialog).toHaveTextContent('Watches Groceries in EUR');
      expect(within(dialog).queryByLabelText('Category')).not.toBeInTheDocument();
      const limit = within(dialog).getByLabelText('Limit');
      expect(limit).toHaveValue('500');
      expect(within(dialog).getByLabelText('Alert thresholds (%)')).toHaveValue('90, 100');
      await user.clear(limit);
      await user.type(limit, '600.5');
      await user.click(within(dialog).getByRole('button', { name: 'Save budget' }));

      expect(await screen.findByText('Groceries budget saved')).toBeInTheDocument();
      expect(await defined(api.requestsTo(`PATCH /api/v1/budgets/${budget.id}`)[0]).json()).toEqual(
        {
          period: 'monthly',
          limitCents: 60_050,
          startDate: '2026-01-01',
          alertThresholds: [90, 100],
        },
      );
    });

    it('deletes a budget after confirmation', async () => {
      const budget = aBudget();
      const api = network({
        [BUDGETS]: json(aBudgetList([budget])),
        [`DELETE /api/v1/budgets/${budget.id}`]: json(null, 204),
      });
      const { user } = show();
      await user.click(
        await screen.findByRole('button', { name: 'Delete All spending monthly budget' }),
      );
      const dialog = screen.getByRole('dialog', {
        name: 'Delete the All spending monthly budget?',
      });
      expect(dialog).toHaveTextContent('Your transactions are not affected');
      api.on(BUDGETS, json(aBudgetList([])));
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

      expect(await screen.findByText('The All spending monthly budget was deleted')).toBeVisible();
      expect(api.requestsTo(`DELETE /api/v1/budgets/${budget.id}`)).toHaveLength(1);
      expect(await screen.findByText('No budgets yet')).toBeInTheDocument();
      // The card and its Delete button are gone: focus goes to the page's title.
      expect(screen.getByRole('heading', { level: 1, name: 'Budgets' })).toHaveFocus();
    });
  });

  describe('threshold alerts', () => {
    it('lists crossings with their budget, amounts and dates', async () => {
      const budget = aBudget({ categoryId: groceries.id });
      network({
        [BUDGETS]: json(aBudgetList([budget])),
        [ALERTS]: json(
          aBudgetAlertPage([
            aBudgetAlert(budget, { thresholdPercent: 90, spentCents: '45000' }),
            aBudgetAlert(aBudget(), { thresholdPercent: 100, spentCents: '50000' }),
          ]),
        ),
      });
      show();
      const region = await alertsRegion();
      const [groceriesAlert, deletedAlert] = await within(region).findAllByRole('listitem');
      expect(groceriesAlert).toHaveTextContent('Groceries reached 90%: €450.00 of €500.00 (90%)');
      expect(groceriesAlert).toHaveTextContent('Nov 18, 2026');
      expect(groceriesAlert).toHaveTextContent('Period from Nov 1, 2026');
      expect(deletedAlert).toHaveTextContent('A deleted budget reached 100%');
    });

    it('shows the amounts of a crossing past 2^53 to the cent', async () => {
      const budget = aBudget({ categoryId: groceries.id, limitCents: 100_000_000_000_000 });
      network({
        [BUDGETS]: json(aBudgetList([budget])),
        [ALERTS]: json(
          aBudgetAlertPage([
            aBudgetAlert(budget, { thresholdPercent: 100, spentCents: '9100000000000001' }),
          ]),
        ),
      });
      show();
      const region = await alertsRegion();
      expect(await within(region).findByRole('listitem')).toHaveTextContent(
        'Groceries reached 100%: €91,000,000,000,000.01 of €1,000,000,000,000.00 (9,100%)',
      );
    });

    it('says when there are no alerts yet', async () => {
      network({ [BUDGETS]: json(aBudgetList([aBudget()])) });
      show();
      expect(await within(await alertsRegion()).findByText('No alerts yet')).toBeInTheDocument();
    });

    it('explains a failed load of alerts and tries again', async () => {
      const api = network({ [ALERTS]: apiError(503, 'Alerts unavailable') });
      const { user } = show();
      const region = await alertsRegion();
      const alert = await within(region).findByRole('alert');
      expect(alert).toHaveTextContent('Alerts could not be loaded');
      api.on(ALERTS, json(aBudgetAlertPage([])));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await within(region).findByText('No alerts yet')).toBeInTheDocument();
    });

    it('loads older alerts a page at a time', async () => {
      const budget = aBudget();
      const api = network({
        [BUDGETS]: json(aBudgetList([budget])),
        [ALERTS]: (_request, url) =>
          json(
            url.searchParams.get('page') === '1'
              ? aBudgetAlertPage([aBudgetAlert(budget, { thresholdPercent: 100 })], {
                  total: 21,
                })
              : aBudgetAlertPage([aBudgetAlert(budget, { thresholdPercent: 80 })], {
                  total: 21,
                  page: 2,
                }),
          ),
      });
      const { user } = show();
      const region = await alertsRegion();
      await user.click(await within(region).findByRole('button', { name: 'Show older alerts' }));
      await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(2));
      expect(within(region).queryByRole('button', { name: 'Show older alerts' })).toBeNull();
      expect(
        api.requestsTo(ALERTS).map((request) => new URL(request.url).searchParams.get('page')),
      ).toEqual(['1', '2']);
    });
  });

  describe('live updates', () => {
    it('refetches budgets when a transaction changes elsewhere', async () => {
      const api = network({ [BUDGETS]: json(aBudgetList([aBudgetAt(10_000)])) });
      show();
      await screen.findByRole('progressbar');
      api.on(BUDGETS, json(aBudgetList([aBudgetAt(47_000)])));
      announce('transaction.created', {
        transactionId: 't-1',
        categoryId: null,
        occurredOn: '2026-11-21',
      });
      await waitFor(() =>
        expect(screen.getByRole('progressbar')).toHaveAttribute(
          'aria-valuetext',
          '€470.00 of €500.00 (94%)',
        ),
      );
    });
  });
});
