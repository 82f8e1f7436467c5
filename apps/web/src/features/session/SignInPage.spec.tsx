import { screen, waitFor } from '@testing-library/react';
import { apiError, fakeApi, json, pending } from '../../test/fake-api';
import { aSession, aUser } from '../../test/factories/session';
import { renderPage } from '../../test/render';
import { SignInPage } from './SignInPage';
import { REFRESH_TOKEN_KEY, useSession } from './session-store';
import { defined } from '../../test/defined';

const ada = aUser({ email: 'ada@example.com', displayName: 'Ada Lovelace' });

async function signInAs(
  user: ReturnType<typeof renderPage>['user'],
  email: string,
  password: string,
) {
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it('signs in with the typed credentials, stores the session and goes to `next`', async () => {
    const network = fakeApi({
      'POST /api/v1/auth/login': json(
        aSession({ accessToken: 'access-1', refreshToken: 'refresh-1', user: ada }),
      ),
    });
    const { user, router } = renderPage(<SignInPage />, {
      url: `/sign-in?next=${encodeURIComponent('/transactions?from=2026-11-01')}`,
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();

    await signInAs(user, 'ada@example.com', 'correct horse');

    await waitFor(() => expect(router.state.location.pathname).toBe('/transactions'));
    expect(router.state.location.search).toBe('?from=2026-11-01');
    expect(await defined(network.requestsTo('POST /api/v1/auth/login')[0]).json()).toEqual({
      email: 'ada@example.com',
      password: 'correct horse',
    });
    expect(useSession.getState()).toMatchObject({ accessToken: 'access-1', user: ada });
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('goes to the dashboard without `next`, and never to another site', async () => {
    fakeApi({ 'POST /api/v1/auth/login': json(aSession({ user: ada })) });
    const { user, router } = renderPage(<SignInPage />, { url: '/sign-in?next=//evil.example/x' });
    await signInAs(user, 'ada@example.com', 'correct horse');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it("shows the API's field messages under the fields and focuses the first invalid one", async () => {
    fakeApi({
      'POST /api/v1/auth/login': apiError(400, 'Validation failed', {
        email: ['email must be a valid email address'],
        password: ['password is required'],
      }),
    });
    const { user } = renderPage(<SignInPage />, { url: '/sign-in' });
    await signInAs(user, 'ada@example.com', 'correct horse');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Check the highlighted fields. Reference: ffffffff',
    );
    const email = screen.getByLabelText('Email');
    expect(email).toHaveAccessibleDescription('Email must be a valid email address');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Password is required');
    await waitFor(() => expect(email).toHaveFocus());
    expect(useSession.getState().user).toBeNull();
  });

  it('checks the fields before sending, says what to enter beside them, and sends nothing', async () => {
    const network = fakeApi();
    const { user } = renderPage(<SignInPage />, { url: '/sign-in' });
    await user.type(screen.getByLabelText('Email'), 'ada@example');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(network.requests).toHaveLength(0);
  });

  it('says the email or password is wrong on a 401', async () => {
    fakeApi({ 'POST /api/v1/auth/login': apiError(401, 'Invalid email or password') });
    const { user, router } = renderPage(<SignInPage />, { url: '/sign-in?next=/budgets' });
    await signInAs(user, 'ada@example.com', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Wrong email or password. Reference: ffffffff',
    );
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('says how long to wait after too many attempts (429 with the limiter header)', async () => {
    fakeApi({
      'POST /api/v1/auth/login': json(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'ThrottlerException',
        },
        429,
        { 'Retry-After-auth': '42', 'X-Trace-Id': '0af7651916cd43dd8448eb211c80319c' },
      ),
    });
    const { user } = renderPage(<SignInPage />, { url: '/sign-in' });
    await signInAs(user, 'ada@example.com', 'again');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in 42 seconds. Reference: 0af76519',
    );
  });

  it('asks to wait a moment on a 429 without Retry-After', async () => {
    fakeApi({ 'POST /api/v1/auth/login': apiError(429, 'Too Many Requests') });
    const { user } = renderPage(<SignInPage />, { url: '/sign-in' });
    await signInAs(user, 'ada@example.com', 'again');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Wait a moment, then try again.',
    );
  });

  it('says when the server cannot be reached', async () => {
    fakeApi({
      'POST /api/v1/auth/login': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const { user } = renderPage(<SignInPage />, { url: '/sign-in' });
    await signInAs(user, 'ada@example.com', 'correct horse');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^The server could not be reached\. Check your connection\. Reference: [0-9a-f]{8}/,
    );
  });

  it('shows a pending button while signing in, and ignores a second submit', async () => {
    const network = fakeApi({ 'POST /api/v1/auth/login': pending });
    const { user } = renderPage(<SignInPage />, { url: '/sign-in' });
    await signInAs(user, 'ada@example.com', 'correct horse');
    const button = await screen.findByRole('button', { name: 'Signing in…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(network.requestsTo('POST /api/v1/auth/login')).toHaveLength(1);
  });

  it('explains that an expired session needs a new sign-in', () => {
    useSession.getState().signedOut('expired');
    renderPage(<SignInPage />, { url: '/sign-in?next=/budgets' });
    expect(screen.getByRole('status')).toHaveTextContent('Your session has ended.');
  });

  it('links to registration, passing `next` on', () => {
    renderPage(<SignInPage />, { url: '/sign-in?next=/budgets' });
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      '/register?next=%2Fbudgets',
    );
  });
});
