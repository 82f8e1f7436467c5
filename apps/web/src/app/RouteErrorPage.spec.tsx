import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import type { Logger } from '@ledgerlens/browser-logger';
import { appLogger } from '../lib/logger';
import { AppRoot } from './App';
import { RouteErrorPage } from './RouteErrorPage';
import { defined } from '../test/defined';

describe('RouteErrorPage', () => {
  it('shows why a route could not load with a reference, offers a reload, and the router reports it under that reference', async () => {
    const captureError = jest.fn();
    const withTrace = jest
      .spyOn(appLogger(), 'withTrace')
      .mockImplementation(() => ({ captureError }) as unknown as ReturnType<Logger['withTrace']>);
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
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      /^Failed to fetch dynamically imported module Reference: [0-9a-f]{8}/,
    );
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(captureError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Failed to fetch dynamically imported module' }),
      expect.objectContaining({ path: '/budgets' }),
    );
    const [reportedTraceId] = defined(withTrace.mock.calls[0]);
    expect(alert).toHaveTextContent(`Reference: ${reportedTraceId.slice(0, 8)}`);
    withTrace.mockRestore();
  });
});
