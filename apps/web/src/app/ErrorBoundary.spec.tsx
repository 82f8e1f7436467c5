import { useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { reportTraceIdOf } from '../lib/api-error';
import { fakeApi, json, apiError } from '../test/fake-api';
import { renderPage } from '../test/render';
import { ErrorBoundary, PageErrorBoundary } from './ErrorBoundary';
import { defined } from '../test/defined';

let broken = true;
function Fragile() {
  if (broken) throw new Error('Budget totals could not be computed');
  return <p>Budgets are fine</p>;
}

/** Fails into the boundary with its query's error (as a suspense query would). */
function HealthPanel() {
  const health = useQuery({
    queryKey: ['health'],
    queryFn: async () => {
      const response = await fetch('/api/v1/health');
      if (!response.ok) throw new Error('Health check failed');
      return (await response.json()) as { status: string };
    },
    throwOnError: true,
  });
  return <p>API status: {health.data?.status ?? 'checking'}</p>;
}

// React reports caught render errors to the console too; the tests assert what the boundary does.
let consoleError: jest.SpyInstance;
beforeEach(() => {
  broken = true;
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

describe('ErrorBoundary', () => {
  it('shows what failed with a way to try again, and reports the error once', () => {
    const onError = jest.fn();
    render(
      <ErrorBoundary onError={onError}>
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This page stopped working');
    expect(screen.getByRole('alert')).toHaveTextContent('Budget totals could not be computed');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Budget totals could not be computed' }),
      expect.objectContaining({ componentStack: expect.stringContaining('Fragile') as unknown }),
    );
  });

  it('ends the message with the reference the error is reported under', () => {
    const onError = jest.fn<void, [unknown]>();
    render(
      <ErrorBoundary onError={onError}>
        <Fragile />
      </ErrorBoundary>,
    );
    const [reported] = defined(onError.mock.calls[0]);
    expect(screen.getByRole('alert')).toHaveTextContent(
      `Budget totals could not be computed Reference: ${reportTraceIdOf(reported)?.slice(0, 8)}`,
    );
  });

  it('renders the children again on "Try again", after calling onReset', async () => {
    const onReset = jest.fn();
    render(
      <ErrorBoundary onError={jest.fn()} onReset={onReset}>
        <Fragile />
      </ErrorBoundary>,
    );
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Budgets are fine')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('starts afresh when its reset key changes (another page)', async () => {
    function Pages() {
      const [page, setPage] = useState('/budgets');
      return (
        <>
          <button type="button" onClick={() => setPage('/categories')}>
            Categories
          </button>
          <ErrorBoundary onError={jest.fn()} resetKey={page}>
            <Fragile />
          </ErrorBoundary>
        </>
      );
    }
    render(<Pages />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Categories' }));
    expect(screen.getByText('Budgets are fine')).toBeInTheDocument();
  });
});

describe('PageErrorBoundary', () => {
  it('reports with the page path, and "Try again" fetches the failed query again', async () => {
    let healthy = false;
    const network = fakeApi({
      'GET /api/v1/health': () => (healthy ? json({ status: 'ok' }) : apiError(503, 'Down')),
    });
    const onError = jest.fn();
    const { user } = renderPage(
      <PageErrorBoundary onError={onError}>
        <HealthPanel />
      </PageErrorBoundary>,
      { url: '/admin' },
    );

    expect(await screen.findByRole('alert')).toHaveTextContent('Health check failed');
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Health check failed' }),
      expect.objectContaining({ path: '/admin', componentStack: expect.any(String) as unknown }),
    );

    healthy = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('API status: ok')).toBeInTheDocument();
    expect(network.requestsTo('GET /api/v1/health')).toHaveLength(2);
  });
});
