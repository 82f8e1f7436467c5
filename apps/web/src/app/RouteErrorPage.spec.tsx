import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { appLogger } from '../lib/logger';
import { AppRoot } from './App';
import { RouteErrorPage } from './RouteErrorPage';

describe('RouteErrorPage', () => {
  it('shows why a route could not load, offers a reload, and the router reports it', async () => {
    const captureError = jest
      .spyOn(appLogger(), 'captureError')
      .mockImplementation(() => undefined);
    const router = createMemoryRouter(
      [
        {
          path: '/budgets',
          errorElement: <RouteErrorPage />,
          hydrateFallbackElement: <p>Loading</p>,
          lazy: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
        },
      ],
      { initialEntries: ['/budgets'] },
    );
    render(<AppRoot router={router} queryClient={new QueryClient()} />);

    expect(
      await screen.findByRole('heading', { name: 'This page could not be loaded' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Failed to fetch dynamically imported module',
    );
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(captureError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Failed to fetch dynamically imported module' }),
      expect.objectContaining({ path: '/budgets' }),
    );
    captureError.mockRestore();
  });
});
