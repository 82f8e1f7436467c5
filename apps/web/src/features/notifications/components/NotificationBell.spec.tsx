import { act, screen, within } from '@testing-library/react';
import { apiError, fakeApi, json, pending } from '../../../test/fake-api';
import { lastSocket } from '../../../test/fake-socket';
import { connectRealtimeForEachTest, pushRealtimeEvent } from '../../../test/realtime';
import { renderPage } from '../../../test/render';
import { aNotification, aNotificationPage, markedRead } from '../testing/factories';
import { NotificationBell } from './NotificationBell';
import { defined } from '../../../test/defined';

jest.mock(
  'socket.io-client',
  () =>
    (require('../../../test/fake-socket') as typeof import('../../../test/fake-socket'))
      .socketIoModule,
);

const LIST = 'GET /api/v1/notifications';

const groceries = aNotification({ title: 'Groceries at 80 %' });
const rent = aNotification({ title: 'Rent at 100 %' });
const travel = aNotification({ title: 'Travel at 50 %', readAt: '2026-11-20T08:00:00.000Z' });

const show = () => renderPage(<NotificationBell />, { url: '/budgets' });
const bell = (name: string | RegExp = /^Notifications/) => screen.getByRole('button', { name });
const panel = () => screen.getByRole('dialog', { name: 'Notifications' });

/** The server pushes an envelope, as the realtime gateway does. */
const push = (notification: ReturnType<typeof aNotification>) =>
  pushRealtimeEvent('notification.created', notification, notification.createdAt);

connectRealtimeForEachTest();

describe('NotificationBell', () => {
  it('names the unread count and shows it on a badge', async () => {
    fakeApi({ [LIST]: json(aNotificationPage([groceries, rent, travel], { unreadCount: 2 })) });
    show();
    expect(
      await screen.findByRole('button', { name: 'Notifications, 2 unread' }),
    ).toHaveTextContent('2');
  });

  it('says none are unread without a badge', async () => {
    fakeApi({ [LIST]: json(aNotificationPage([travel])) });
    show();
    expect(
      await screen.findByRole('button', { name: 'Notifications, none unread' }),
    ).toHaveTextContent('');
  });

  it('counts a pushed notification at once, shows it on top and announces it', async () => {
    const api = fakeApi({ [LIST]: json(aNotificationPage([groceries, travel])) });
    const { user } = show();
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await user.click(bell());
    await within(panel()).findByRole('list', { name: 'Newest notifications' });

    const dining = aNotification({ title: 'Dining out at 90 %' });
    push(dining);

    expect(bell('Notifications, 2 unread')).toHaveTextContent('2');
    const titles = within(panel())
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('notification'))
      .map((item) => defined(within(item).getAllByText(/ at /)[0]).textContent);
    expect(titles).toEqual(['Dining out at 90 %', 'Groceries at 80 %', 'Travel at 50 %']);
    expect(screen.getByText('New notification: Dining out at 90 %')).toHaveAttribute(
      'role',
      'status',
    );
    // Pushed again after a reconnection, it is not counted twice; nothing was reloaded for it.
    push(dining);
    expect(bell('Notifications, 2 unread')).toBeInTheDocument();
    expect(api.requestsTo(LIST)).toHaveLength(1);
  });

  it('reads the notifications again after a lost connection, as missed ones are not replayed', async () => {
    const api = fakeApi({ [LIST]: json(aNotificationPage([groceries])) });
    show();
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    api.on(LIST, json(aNotificationPage([rent, groceries])));

    act(() => lastSocket().drop());
    act(() => lastSocket().accept());

    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeVisible();
    expect(api.requestsTo(LIST)).toHaveLength(2);
  });

  it('reads them again when the connection opens after the first read, as nothing is replayed', async () => {
    // Not connected yet when the page opens: what is stored meanwhile never comes as an event.
    act(() => lastSocket().drop());
    const api = fakeApi({ [LIST]: json(aNotificationPage([groceries])) });
    show();
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    api.on(LIST, json(aNotificationPage([rent, groceries])));

    act(() => lastSocket().accept());

    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeVisible();
    expect(api.requestsTo(LIST)).toHaveLength(2);
  });

  it('lists each notification with its budget, percentage, period and time, linking to the budget', async () => {
    fakeApi({ [LIST]: json(aNotificationPage([groceries])) });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));

    const item = (await within(panel()).findByRole('link', { name: 'Groceries at 80 %' })).closest(
      'li',
    ) as HTMLElement;
    expect(within(item).getByRole('link', { name: 'Groceries at 80 %' })).toHaveAttribute(
      'href',
      '/budgets',
    );
    expect(item).toHaveTextContent('You have spent €85.00 of your €100.00 budget');
    const details = within(item).getByRole('list', { name: 'Details' });
    expect(details).toHaveTextContent('Threshold 80%');
    expect(details).toHaveTextContent('€85.00 of €100.00 (85%)');
    expect(details).toHaveTextContent('Period from Nov 1, 2026');
    expect(within(item).getByText('Unread')).toBeInTheDocument();
    expect(item.querySelector('time')).toHaveAttribute('title', '2026-11-21 09:30:00 UTC');
  });

  it('opens from the keyboard, closes on Escape and gives focus back to the bell', async () => {
    fakeApi({ [LIST]: json(aNotificationPage([groceries])) });
    const { user } = show();
    const button = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(within(panel()).getByRole('heading', { name: 'Notifications' })).toHaveFocus();

    await user.tab();
    expect(within(panel()).getByRole('button', { name: 'Mark all read' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on a click outside it', async () => {
    fakeApi({ [LIST]: json(aNotificationPage([groceries])) });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await user.click(within(panel()).getByRole('heading'));
    expect(panel()).toBeInTheDocument();
    await user.click(document.body);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('marks one notification read and shows the new count', async () => {
    const api = fakeApi({
      [LIST]: json(aNotificationPage([groceries, rent])),
      [`POST /api/v1/notifications/${groceries.id}/read`]: json(markedRead(groceries)),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    api.on(LIST, json(aNotificationPage([markedRead(groceries), rent])));
    await user.click(
      await within(panel()).findByRole('button', { name: 'Mark read: Groceries at 80 %' }),
    );

    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();
    expect(api.requestsTo(`POST /api/v1/notifications/${groceries.id}/read`)).toHaveLength(1);
    expect(
      within(panel()).queryByRole('button', { name: 'Mark read: Groceries at 80 %' }),
    ).not.toBeInTheDocument();
  });

  it('marks all read', async () => {
    const api = fakeApi({
      [LIST]: json(aNotificationPage([groceries, rent])),
      'POST /api/v1/notifications/read-all': json({ updated: 2 }),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    api.on(LIST, json(aNotificationPage([groceries, rent].map(markedRead))));
    await user.click(await within(panel()).findByRole('button', { name: 'Mark all read' }));

    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeVisible();
    expect(api.requestsTo('POST /api/v1/notifications/read-all')).toHaveLength(1);
    expect(within(panel()).getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('tells when marking read failed', async () => {
    fakeApi({
      [LIST]: json(aNotificationPage([groceries])),
      'POST /api/v1/notifications/read-all': apiError(503, 'The database is unavailable'),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await user.click(await within(panel()).findByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The notifications could not be marked read: The database is unavailable Reference: ffffffff',
    );
  });

  it('leads to every notification and to the email settings, closing as it goes', async () => {
    fakeApi({ [LIST]: json(aNotificationPage([groceries])) });
    const { user, router } = show();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    expect(within(panel()).getByRole('link', { name: 'Email settings' })).toHaveAttribute(
      'href',
      '/settings/notifications',
    );
    await user.click(within(panel()).getByRole('link', { name: 'All notifications' }));
    expect(router.state.location.pathname).toBe('/notifications');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a skeleton in the panel while the notifications load', async () => {
    fakeApi({ [LIST]: pending });
    const { user } = show();
    await user.click(bell('Notifications, none unread'));
    expect(within(panel()).getByRole('status', { name: 'Loading notifications' })).toBeVisible();
  });

  it('explains a failed load in the panel and loads again on retry', async () => {
    const api = fakeApi({ [LIST]: apiError(503, 'The database is unavailable') });
    const { user } = show();
    await user.click(bell());
    const alert = await within(panel()).findByRole('alert');
    expect(alert).toHaveTextContent('Notifications could not be loaded');
    expect(alert).toHaveTextContent('The database is unavailable');

    api.on(LIST, json(aNotificationPage([groceries])));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(panel()).findByRole('link', { name: 'Groceries at 80 %' })).toBeVisible();
    expect(bell('Notifications, 1 unread')).toBeInTheDocument();
  });

  it('says so when there are none yet', async () => {
    fakeApi({ [LIST]: json(aNotificationPage([])) });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Notifications, none unread' }));
    expect(await within(panel()).findByText('No notifications yet')).toBeVisible();
  });
});
