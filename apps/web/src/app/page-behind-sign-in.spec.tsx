import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { REFRESH_TOKEN_KEY, useSession } from '../features/session';
import { aSession } from '../test/factories/session';
import { behindSignIn } from './page-behind-sign-in';

const Page = () => <h1>The page</h1>;

function routeWithCode() {
  const load = jest.fn(() => Promise.resolve(Page));
  const route = behindSignIn(load);
  const runLoader = () => (route.loader as (args: LoaderFunctionArgs) => unknown)({} as never);
  return { load, route, runLoader };
}

describe('behindSignIn', () => {
  it('fetches nothing for a visitor without a session: they are on their way to sign-in', () => {
    const { load, runLoader } = routeWithCode();
    expect(runLoader()).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });

  it('starts fetching the code as the route loads when a session is there to restore, once', () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-stored');
    const { load, runLoader } = routeWithCode();
    runLoader();
    runLoader();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('starts fetching for a signed-in user too', () => {
    useSession.getState().signedIn(aSession());
    const { load, runLoader } = routeWithCode();
    runLoader();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('renders the page once its code is there, fetching it when shown if the loader did not', async () => {
    const { load, route } = routeWithCode();
    const Component = route.Component as React.ComponentType;
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Component />
      </Suspense>,
    );
    expect(screen.getByText('Loading')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'The page' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
