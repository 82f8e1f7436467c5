import { screen, within } from '@testing-library/react';
import { apiError, fakeApi, json, pending } from '../../test/fake-api';
import { currentUrl } from '../../test/render-app';
import { renderPage } from '../../test/render';
import { NotificationsPage } from './NotificationsPage';
import { aNotification, aNotificationPage, markedRead } from './testing/factories';
import { defined } from '../../test/defined';

const LIST = 'GET /api/v1/notifications';

const show = (url = '/notifications') =>
  renderPage(<NotificationsPage />, { url, path: '/notifications' });
const list = () => screen.findByRole('list', { name: 'Notifications, newest first' });
const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

describe('NotificationsPage', () => {
  it('shows a skeleton while it loads', () => {
    fakeApi({ [LIST]: pending });
    show();
    expect(screen.getByRole('status', { name: 'Loading notifications' })).toBeInTheDocument();
  });

  it('lists the notifications with their counts, each linking to its budget', async () => {
    const groceries = aNotification({ title: 'Groceries at 80 %' });
    const travel = aNotification({ title: 'Travel at 50 %', readAt: '2026-11-20T08:00:00.000Z' });
    const api = fakeApi({ [LIST]: json(aNotificationPage([groceries, travel])) });
    show();

    const items = within(await list())
      .getAllByRole('listitem')
      .filter((item) => item.matches('.notification'));
    expect(items).toHaveLength(2);
    expect(
      within(defined(items[0])).getByRole('link', { name: 'Groceries at 80 %' }),
    ).toHaveAttribute('href', '/budgets');
    expect(within(defined(items[0])).getByText('Unread')).toBeInTheDocument();
    expect(within(defined(items[0])).getByRole('list', { name: 'Details' })).toHaveTextContent(
      'Threshold 80%€85.00 of €100.00 (85%)Period from Nov 1, 2026',
    );
    expect(within(defined(items[1])).queryByText('Unread')).not.toBeInTheDocument();
    expect(
      within(defined(items[1])).queryByRole('button', { name: /Mark read/ }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('2 notifications, 1 unread.')).toBeInTheDocument();
    expect(queryOf(defined(api.requestsTo(LIST)[0]))).toEqual({ page: '1', limit: '20' });
    expect(screen.getByRole('link', { name: 'Email settings' })).toHaveAttribute(
      'href',
      '/settings/notifications',
    );
  });

  it('pages through them, keeping the page in the URL', async () => {
    const api = fakeApi({
      [LIST]: (_, url) =>
        json(
          aNotificationPage(
            [aNotification({ title: `Page ${url.searchParams.get('page')} item` })],
            {
              total: 45,
              page: Number(url.searchParams.get('page')),
            },
          ),
        ),
    });
    const { user, router } = show();
    expect(await screen.findByRole('link', { name: 'Page 1 item' })).toBeInTheDocument();
    const pager = screen.getByRole('navigation', { name: 'Pages' });
    expect(pager).toHaveTextContent('Page 1 of 3');
    expect(within(pager).getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await user.click(within(pager).getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'Page 2 item' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/notifications?page=2');
    expect(queryOf(defined(api.requestsTo(LIST)[1]))).toEqual({ page: '2', limit: '20' });

    await user.click(within(pager).getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('link', { name: 'Page 1 item' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/notifications');
  });

  it('opens on the page the URL names', async () => {
    const api = fakeApi({
      [LIST]: json(aNotificationPage([aNotification()], { total: 45, page: 3 })),
    });
    show('/notifications?page=3');
    expect(await screen.findByRole('navigation', { name: 'Pages' })).toHaveTextContent(
      'Page 3 of 3',
    );
    expect(queryOf(defined(api.requestsTo(LIST)[0])).page).toBe('3');
  });

  it('marks one and all read', async () => {
    const groceries = aNotification({ title: 'Groceries at 80 %' });
    const rent = aNotification({ title: 'Rent at 100 %' });
    const api = fakeApi({
      [LIST]: json(aNotificationPage([groceries, rent])),
      [`POST /api/v1/notifications/${groceries.id}/read`]: json(markedRead(groceries)),
      'POST /api/v1/notifications/read-all': json({ updated: 1 }),
    });
    const { user } = show();
    await list();

    api.on(LIST, json(aNotificationPage([markedRead(groceries), rent])));
    await user.click(screen.getByRole('button', { name: 'Mark read: Groceries at 80 %' }));
    expect(await screen.findByText('2 notifications, 1 unread.')).toBeInTheDocument();
    expect(api.requestsTo(`POST /api/v1/notifications/${groceries.id}/read`)).toHaveLength(1);

    api.on(LIST, json(aNotificationPage([groceries, rent].map(markedRead))));
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByText('2 notifications, 0 unread.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Mark read/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('says when there are none yet, with the way to budgets', async () => {
    fakeApi({ [LIST]: json(aNotificationPage([])) });
    show();
    expect(await screen.findByText('No notifications yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set up your budgets' })).toHaveAttribute(
      'href',
      '/budgets',
    );
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('offers the newest from a page past the end', async () => {
    fakeApi({ [LIST]: json(aNotificationPage([], { total: 3, page: 9 })) });
    const { user, router } = show('/notifications?page=9');
    await user.click(await screen.findByRole('button', { name: 'Back to the newest' }));
    expect(currentUrl(router)).toBe('/notifications');
  });

  it('explains a failed load and loads again on retry', async () => {
    const api = fakeApi({ [LIST]: apiError(503, 'The database is unavailable') });
    const { user } = show();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Notifications could not be loaded');
    expect(alert).toHaveTextContent('The database is unavailable');

    api.on(LIST, json(aNotificationPage([aNotification()])));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await list()).toBeInTheDocument();
  });
});
