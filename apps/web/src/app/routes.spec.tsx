import { act, screen, waitFor, within } from '@testing-library/react';
import { resetConnection, useConnection } from '../features/realtime';
import { REFRESH_TOKEN_KEY, useSession } from '../features/session';
import { apiError, fakeApi, json, pending } from '../test/fake-api';
import { aSession, aUser } from '../test/factories/session';
import { lastSocket, openedSockets, resetFakeSockets } from '../test/fake-socket';
import { currentUrl, renderApp } from '../test/render-app';
import { defined } from '../test/defined';

jest.mock(
  'socket.io-client',
  () => (require('../test/fake-socket') as typeof import('../test/fake-socket')).socketIoModule,
);

const ada = aUser({ displayName: 'Ada Lovelace', email: 'ada@example.com' });
const root = aUser({ displayName: 'Root Admin', role: 'admin' });

const signIn = (user = ada) =>
  useSession
    .getState()
    .signedIn(aSession({ accessToken: 'access-1', refreshToken: 'refresh-1', user }));

const mainNav = () => screen.findByRole('navigation', { name: 'Main' });

beforeEach(() => {
  resetFakeSockets();
  resetConnection();
  // Pages that load data meet unanswered routes (404): the tests here are about the shell.
  fakeApi({});
});

describe('session guard', () => {
  it('sends a visitor without a session to sign-in, keeping the intended page and query', async () => {
    const { router } = renderApp('/transactions?from=2026-11-01');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/transactions?from=2026-11-01',
    );
  });

  it('brings the user back to that page after signing in', async () => {
    fakeApi({ 'POST /api/v1/auth/login': json(aSession({ user: ada })) });
    const { user, router } = renderApp('/transactions?from=2026-11-01');
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await mainNav();
    expect(currentUrl(router)).toBe('/transactions?from=2026-11-01');
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
  });

  it('restores the session from a stored refresh token, showing a skeleton meanwhile', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-stored');
    let answer: (response: Response) => void = () => undefined;
    const network = fakeApi({
      'POST /api/v1/auth/refresh': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const { router } = renderApp('/budgets');

    expect(
      await screen.findByRole('status', { name: 'Restoring your session' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(network.requestsTo('POST /api/v1/auth/refresh')).toHaveLength(1));
    expect(await defined(network.requestsTo('POST /api/v1/auth/refresh')[0]).json()).toEqual({
      refreshToken: 'refresh-stored',
    });

    act(() => answer(json(aSession({ refreshToken: 'refresh-rotated', user: ada }))));
    await mainNav();
    expect(router.state.location.pathname).toBe('/budgets');
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-rotated');
  });

  it('sends to sign-in, keeping the page, when the stored session is refused', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-revoked');
    fakeApi({ 'POST /api/v1/auth/refresh': apiError(401, 'Refresh token has been revoked') });
    const { router } = renderApp('/categories');
    expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/sign-in?next=%2Fcategories');
  });

  it('says when the session could not be restored, and tries again on request', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-stored');
    let up = false;
    const network = fakeApi({
      'POST /api/v1/auth/refresh': () =>
        up ? json(aSession({ user: ada })) : apiError(503, 'The database is unavailable'),
    });
    const { user } = renderApp('/budgets');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your session could not be restored');
    expect(alert).toHaveTextContent('The database is unavailable');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-stored');

    up = true;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await mainNav();
    expect(network.requestsTo('POST /api/v1/auth/refresh')).toHaveLength(2);
  });

  it('sends to sign-in, keeping the page, when the session ends later (a refused refresh)', async () => {
    signIn();
    const { router } = renderApp('/budgets?period=monthly');
    await mainNav();
    act(() => useSession.getState().signedOut('expired'));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/budgets?period=monthly',
    );
  });
});

describe('layout', () => {
  it('shows the navigation without the admin area to users, with who is signed in', async () => {
    signIn();
    renderApp('/');
    const nav = await mainNav();
    const links = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual([
      'Dashboard',
      'Accounts',
      'Transactions',
      'Import',
      'Budgets',
      'Goals',
      'Recurring',
      'Categories',
    ]);
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument();
  });

  it('refuses the admin area to users with an "admins only" page', async () => {
    signIn();
    renderApp('/admin');
    expect(await screen.findByRole('heading', { name: 'Admins only' })).toBeInTheDocument();
    expect(screen.queryByText('Coming soon')).not.toBeInTheDocument();
  });

  it('opens the admin area for admins on the overview, with its navigation and the API docs', async () => {
    signIn(root);
    const { user, router } = renderApp('/');
    await user.click(within(await mainNav()).getByRole('link', { name: 'Admin' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Admin' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin');
    expect(screen.getByRole('link', { name: 'Open the API docs' })).toHaveAttribute(
      'href',
      '/api/docs',
    );
    const pages: [string, string][] = [
      ['Logs', '/admin/logs'],
      ['Log dashboard', '/admin/logs/overview'],
      ['Exceptions', '/admin/exceptions'],
      ['Performance', '/admin/performance'],
      ['Alerts', '/admin/alerts'],
      ['Audit logs', '/admin/audit'],
      ['Events', '/admin/events'],
    ];
    const adminNav = screen.getByRole('navigation', { name: 'Admin' });
    expect(
      within(adminNav)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([['Overview', '/admin'], ...pages]);
    expect(within(adminNav).getByRole('link', { name: 'Overview' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // No route answers here: each card says its source failed, and the page stays.
    for (const card of [
      'Firing alerts',
      'Exceptions',
      'API requests, last hour',
      'Log errors, last hour',
      'Action log failures',
      'Audit chain',
    ]) {
      expect(
        await within(screen.getByRole('region', { name: card })).findByRole('alert'),
      ).toBeVisible();
    }
  });

  it('shows the not-found page inside the layout', async () => {
    signIn();
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(await mainNav()).toBeInTheDocument();
  });

  it('folds the navigation into a menu button that opens, closes on Escape, and on navigation', async () => {
    signIn();
    const { user } = renderApp('/');
    await mainNav();
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');

    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(menu).toHaveTextContent('Close');
    await user.keyboard('{Tab}');
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();

    await user.click(menu);
    await user.click(screen.getByRole('link', { name: 'Budgets' }));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('moves focus to the page with the skip link', async () => {
    signIn();
    const { user } = renderApp('/');
    await mainNav();
    await user.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('opens the realtime connection while signed in and shows its state', async () => {
    signIn();
    renderApp('/');
    await mainNav();
    expect(openedSockets()).toHaveLength(1);
    await expect(lastSocket().handshakeAuth()).resolves.toEqual({ token: 'access-1' });
    expect(screen.getByText('Connecting…')).toBeInTheDocument();
    act(() => lastSocket().accept());
    expect(screen.getByText('Live')).toBeInTheDocument();
  });
});

describe('sign-out', () => {
  it('tells the API, forgets the session and cached data, disconnects and shows sign-in', async () => {
    signIn();
    const network = fakeApi({
      // The API closes the sockets of a sign-in it ends; this one must not try to renew it.
      'POST /api/v1/auth/logout': () => {
        lastSocket().kick();
        return json(null, 204);
      },
    });
    const { user, router, queryClient } = renderApp('/budgets');
    await mainNav();
    act(() => lastSocket().accept());
    queryClient.setQueryData(['budgets', 'list', {}], ['groceries']);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/sign-in');
    const [logout] = network.requestsTo('POST /api/v1/auth/logout');
    expect(defined(logout).headers.get('Authorization')).toBe('Bearer access-1');
    expect(useSession.getState()).toMatchObject({ user: null, accessToken: null });
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(queryClient.getQueryData(['budgets', 'list', {}])).toBeUndefined();
    expect(lastSocket().active).toBe(false);
    expect(network.requestsTo('POST /api/v1/auth/refresh')).toHaveLength(0);
    expect(useConnection.getState().status).toBe('offline');
    expect(screen.queryByText(/Your session has ended/)).not.toBeInTheDocument();
  });

  it('still signs out on this device when the API cannot confirm, and says so', async () => {
    signIn();
    fakeApi({ 'POST /api/v1/auth/logout': apiError(503, 'The database is unavailable') });
    const { user } = renderApp('/');
    await mainNav();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(useSession.getState().user).toBeNull();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Signed out on this device, but the server did not confirm it: The database is unavailable',
    );
  });

  it('shows a pending sign-out button meanwhile', async () => {
    signIn();
    fakeApi({ 'POST /api/v1/auth/logout': pending });
    const { user } = renderApp('/');
    await mainNav();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByRole('button', { name: 'Signing out…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});
