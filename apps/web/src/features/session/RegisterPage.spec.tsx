import { screen, waitFor } from '@testing-library/react';
import { apiError, fakeApi, json } from '../../test/fake-api';
import { aSession, aUser } from '../../test/factories/session';
import { renderPage } from '../../test/render';
import { RegisterPage } from './RegisterPage';
import { useSession } from './session-store';

const grace = aUser({ email: 'grace@example.com', displayName: 'Grace Hopper' });

async function fillIn(user: ReturnType<typeof renderPage>['user'], values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    await user.type(screen.getByLabelText(label), value);
  }
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('RegisterPage', () => {
  it('creates the account, signs in and goes to `next`', async () => {
    const network = fakeApi({
      'POST /api/v1/auth/register': json(aSession({ accessToken: 'access-9', user: grace }), 201),
    });
    const { user, router, queryClient } = renderPage(<RegisterPage />, {
      url: '/register?next=/budgets',
    });
    queryClient.setQueryData(['budgets', 'list'], ['left by someone else']);

    await fillIn(user, {
      'Your name': 'Grace Hopper',
      Email: 'grace@example.com',
      Password: 'compilers-rule',
    });

    await waitFor(() => expect(router.state.location.pathname).toBe('/budgets'));
    expect(await network.requestsTo('POST /api/v1/auth/register')[0].json()).toEqual({
      displayName: 'Grace Hopper',
      email: 'grace@example.com',
      password: 'compilers-rule',
    });
    expect(useSession.getState()).toMatchObject({ accessToken: 'access-9', user: grace });
    expect(queryClient.getQueryData(['budgets', 'list'])).toBeUndefined();
  });

  it('shows field messages from the API and focuses the first invalid field', async () => {
    fakeApi({
      'POST /api/v1/auth/register': apiError(400, 'Validation failed', {
        displayName: ['displayName is required'],
        password: ['password must be at least 8 characters long'],
      }),
    });
    const { user } = renderPage(<RegisterPage />, { url: '/register' });
    await fillIn(user, { Email: 'grace@example.com', Password: 'short' });

    expect(await screen.findByRole('alert')).toHaveTextContent('Check the highlighted fields.');
    const name = screen.getByLabelText('Your name');
    expect(name).toHaveAccessibleDescription('displayName is required');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'password must be at least 8 characters long',
    );
    await waitFor(() => expect(name).toHaveFocus());
  });

  it('says under the email field that it is taken (409)', async () => {
    fakeApi({
      'POST /api/v1/auth/register': apiError(
        409,
        "An account with the email 'grace@example.com' already exists",
        { email: ['email is already registered'] },
      ),
    });
    const { user } = renderPage(<RegisterPage />, { url: '/register' });
    await fillIn(user, {
      'Your name': 'Grace Hopper',
      Email: 'grace@example.com',
      Password: 'compilers-rule',
    });
    const email = await screen.findByLabelText('Email');
    await waitFor(() => expect(email).toHaveAccessibleDescription('email is already registered'));
    await waitFor(() => expect(email).toHaveFocus());
  });

  it('shows a pending button while the account is created', async () => {
    fakeApi({ 'POST /api/v1/auth/register': () => new Promise<Response>(() => undefined) });
    const { user } = renderPage(<RegisterPage />, { url: '/register' });
    await fillIn(user, {
      'Your name': 'Grace Hopper',
      Email: 'grace@example.com',
      Password: 'compilers-rule',
    });
    expect(await screen.findByRole('button', { name: 'Creating your account…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('links back to sign-in, passing `next` on', () => {
    renderPage(<RegisterPage />, { url: '/register?next=/budgets' });
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fbudgets',
    );
  });
});
