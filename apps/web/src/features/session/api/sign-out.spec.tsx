import { screen } from '@testing-library/react';
import { apiError, fakeApi } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import { useSignOut } from './sign-out';

function SignOutButton() {
  const signOut = useSignOut();
  return (
    <button type="button" onClick={() => signOut.mutate()}>
      Sign out
    </button>
  );
}

describe('useSignOut', () => {
  it("says when the server did not confirm, with the failed request's reference", async () => {
    fakeApi({ 'POST /api/v1/auth/logout': apiError(503, 'The database is unavailable') });
    const { user } = renderPage(<SignOutButton />);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Signed out on this device, but the server did not confirm it: The database is unavailable Reference: ffffffff',
    );
  });
});
