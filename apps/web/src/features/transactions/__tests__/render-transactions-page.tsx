import { anAccountList } from '../../../test/factories/accounts';
import { aCategory, aCategoryList } from '../../../test/factories/categories';
import { type FakeRoute, fakeApi, json } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import { somePreferences } from '../../preferences/testing/factories';
import { TransactionsPage } from '../TransactionsPage';
import { defined } from '../../../test/defined';

export const groceries = aCategory({ name: 'Groceries', kind: 'expense', color: '#f97316' });
export const salary = aCategory({ name: 'Salary', kind: 'income', color: '#22c55e' });

/**
 * The Transactions page at `url` against a fake API that knows the two categories above (none
 * deleted and in use) and the default preferences; pass the routes the test is about (at least `GET /api/v1/transactions`).
 */
export function renderTransactionsPage(
  routes: Record<string, FakeRoute | Response>,
  { url = '/transactions' }: { url?: string } = {},
) {
  const network = fakeApi({
    'GET /api/v1/categories': json(aCategoryList([groceries, salary])),
    'GET /api/v1/transactions/categories': json({ items: [] }),
    'GET /api/v1/accounts': json(anAccountList([])),
    'GET /api/v1/users/me/preferences': json(somePreferences()),
    ...routes,
  });
  return { ...renderPage(<TransactionsPage />, { url, path: '/transactions' }), network };
}

/** The query string the list was last asked with, as an object. */
export function lastListQuery(network: ReturnType<typeof fakeApi>): Record<string, string> {
  const requests = network.requestsTo('GET /api/v1/transactions');
  return Object.fromEntries(new URL(defined(requests[requests.length - 1]).url).searchParams);
}
