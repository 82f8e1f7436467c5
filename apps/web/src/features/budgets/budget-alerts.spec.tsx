import { act, screen, waitFor, within } from '@testing-library/react';
import type { BudgetThresholdEventPayload } from '@ledgerlens/contracts';
import { somePreferences } from '../preferences/testing/factories';
import { resetConnection } from '../realtime';
import { useSession } from '../session';
import {
  aBudgetAlert,
  aBudgetAlertPage,
  aBudgetAt,
  aBudgetList,
} from '../../test/factories/budgets';
import { aCategory, aCategoryList } from '../../test/factories/categories';
import { aSession } from '../../test/factories/session';
import {
  aTransaction,
  aTransactionPage,
  aTransactionSummary,
} from '../../test/factories/transactions';
import { fakeApi, json } from '../../test/fake-api';
import { lastSocket, resetFakeSockets } from '../../test/fake-socket';
import { renderApp } from '../../test/render-app';

jest.mock(
  'socket.io-client',
  () =>
    (require('../../test/fake-socket') as typeof import('../../test/fake-socket')).socketIoModule,
);

const BUDGETS = 'GET /api/v1/budgets';
const ALERTS = 'GET /api/v1/budgets/alerts';

const groceries = aCategory({ name: 'Groceries', kind: 'expense' });
const groceriesShopping = aTransaction({ category: groceries, amountCents: 8_000 });
const groceriesBudget = {
  categoryId: groceries.id,
  limitCents: 10_000,
  alertThresholds: [80, 100],
};
const budget = aBudgetAt(8_000, groceriesBudget);
const overBudget = aBudgetAt(10_650, { ...groceriesBudget, id: budget.id });

/** What the API pushes when one transaction took Groceries past 80 and 100 %: one crossing. */
const crossing: BudgetThresholdEventPayload = {
  budgetId: budget.id,
  categoryId: groceries.id,
  thresholdPercent: 100,
  periodStart: budget.periodStart,
  spentCents: '10650',
  limitCents: 10_000,
  currency: 'EUR',
};
const OVER_BUDGET_TEXT = 'Groceries is over budget: €106.50 of €100.00';

/** The pages the tests visit, answered; Groceries' budget at 80 %. */
function network() {
  return fakeApi({
    [BUDGETS]: json(aBudgetList([budget])),
    [ALERTS]: json(aBudgetAlertPage([])),
    'GET /api/v1/categories': json(aCategoryList([groceries])),
    'GET /api/v1/transactions': json(aTransactionPage([groceriesShopping])),
    'GET /api/v1/transactions/summary': json(aTransactionSummary([groceriesShopping])),
    'GET /api/v1/notifications': json({ items: [], total: 0, unreadCount: 0, page: 1, limit: 5 }),
    'GET /api/v1/users/me/preferences': json(somePreferences()),
  });
}

/** The app signed in at `url`, its live connection accepted by the server. */
async function openSignedIn(url: string) {
  useSession.getState().signedIn(aSession());
  const app = renderApp(url);
  await waitFor(() => expect(lastSocket()).toBeDefined());
  act(() => lastSocket().accept());
  return app;
}

const toasts = () => within(screen.getByRole('region', { name: 'Notifications' }));
/** The server pushes a crossing; the toast may wait for the categories, so act waits too. */
const announceCrossing = (payload = crossing) =>
  act(async () => {
    lastSocket().send('budget.threshold_crossed', {
      type: 'budget.threshold_crossed',
      payload,
      traceId: null,
      at: '2026-11-21T10:00:00.000Z',
    });
  });

beforeEach(() => {
  resetFakeSockets();
  resetConnection();
});

describe('budget alerts on every page', () => {
  it('toasts a crossing on the dashboard, whose budget card turns over budget', async () => {
    const api = network();
    await openSignedIn('/');
    const cards = await screen.findByRole('region', { name: 'Budgets' });
    await within(cards).findByRole('heading', { level: 3, name: 'Groceries' });
    const card = () => within(cards).getByRole('listitem');
    expect(card()).toHaveTextContent('80% reached');
    expect(card()).toHaveClass('budget-card--warning');

    api.on(BUDGETS, json(aBudgetList([overBudget])));
    await announceCrossing();

    expect(await toasts().findByText(OVER_BUDGET_TEXT)).toBeInTheDocument();
    await waitFor(() => expect(card()).toHaveTextContent('Over budget'));
    expect(card()).toHaveClass('budget-card--over');
    expect(card()).toHaveTextContent('€6.50 over the limit');
  });

  it('toasts a crossing on a page without budgets', async () => {
    network();
    await openSignedIn('/transactions');
    await screen.findByRole('heading', { level: 1, name: 'Transactions' });
    await announceCrossing({ ...crossing, thresholdPercent: 80, spentCents: '8500' });
    expect(
      await toasts().findByText('Groceries is at 80% of its budget: €85.00 of €100.00'),
    ).toBeInTheDocument();
  });

  it('toasts a crossing once on the Budgets page, and refreshes its alerts', async () => {
    const api = network();
    await openSignedIn('/budgets');
    await screen.findByRole('progressbar', { name: 'Groceries spending' });

    api.on(BUDGETS, json(aBudgetList([overBudget])));
    api.on(ALERTS, json(aBudgetAlertPage([aBudgetAlert(overBudget, { thresholdPercent: 100 })])));
    await announceCrossing();

    expect(await toasts().findByText(OVER_BUDGET_TEXT)).toBeInTheDocument();
    const alerts = screen.getByRole('region', { name: 'Threshold alerts' });
    expect(await within(alerts).findByText('Groceries')).toBeInTheDocument();
    expect(toasts().getAllByRole('listitem')).toHaveLength(1);
  });

  it('names the budget even where its categories were not loaded yet', async () => {
    network();
    await openSignedIn('/notifications');
    await screen.findByRole('heading', { level: 1, name: /Notifications/ });
    await announceCrossing();
    expect(await toasts().findByText(OVER_BUDGET_TEXT)).toBeInTheDocument();
  });

  it('says an overall budget is about all spending', async () => {
    network();
    await openSignedIn('/');
    await screen.findByRole('region', { name: 'Budgets' });
    await announceCrossing({
      ...crossing,
      budgetId: 'overall',
      categoryId: null,
      thresholdPercent: 150,
      spentCents: '75000',
      limitCents: 50_000,
    });
    expect(
      await toasts().findByText('All spending is over budget, at 150%: €750.00 of €500.00'),
    ).toBeInTheDocument();
  });
});
