import { screen, waitFor } from '@testing-library/react';
import { apiError, fakeApi, json } from '../../test/fake-api';
import { aSession, aUser } from '../../test/factories/session';
import { renderPage } from '../../test/render';
import { RegisterPage } from './RegisterPage';
import { useSession } from './session-store';
import { defined } from '../../test/defined';

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
    expect(await defined(network.requestsTo('POST /api/v1/auth/register')[0]).json()).toEqual({
      displayName: 'Grace Hopper',
      email: 'grace@example.com',
      password: 'compilers-rule',
    });
    expect(useSession.getState()).toMatchObject({ accessToken: 'access-9', user: grace });
    expect(queryClient.getQueryData(['budgets', 'list'])).toBeUndefined();
  });

  it('checks the fields before sending, says what to enter beside them, and sends nothing', async () => {
    const network = fakeApi();
    const { user } = renderPage(<RegisterPage />, { url: '/register' });
    await fillIn(user, { Email: 'grace', Password: 'short' });

    const name = screen.getByLabelText('Your name');
    expect(name).toHaveAccessibleDescription('Enter your name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      'Enter an email address like name@example.com',
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Enter a password of at least 8 characters',
    );
    expect(network.requests).toHaveLength(0);
  });

  it("shows the API's field messages in the fields' words and focuses the first", async () => {
    fakeApi({
      'POST /api/v1/auth/register': apiError(400, 'Validation failed', {
        displayName: ['displayName must be shorter than or equal to 100 characters'],
        password: ['password must be shorter than or equal to 128 characters'],
      }),
    });
    const { user } = renderPage(<RegisterPage />, { url: '/register' });
    await fillIn(user, {
      'Your name': 'Grace Hopper',
      Email: 'grace@example.com',
      Password: 'compilers-rule',
    });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Check the highlighted fields. Reference: ffffffff',
    );
    const name = screen.getByLabelText('Your name');
    expect(name).toHaveAccessibleDescription(
      'Your name must be shorter than or equal to 100 characters',
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Password must be shorter than or equal to 128 characters',
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
    await waitFor(() => expect(email).toHaveAccessibleDescription('Email is already registered'));
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
