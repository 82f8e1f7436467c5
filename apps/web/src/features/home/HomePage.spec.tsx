import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { HomePage } from './HomePage';

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <HomePage />
    </QueryClientProvider>,
  );
}

function answer(status: number, body: unknown) {
  global.fetch = jest.fn().mockResolvedValue({
    ok: status < 400,
    status,
    statusText: 'status',
    json: async () => body,
  }) as unknown as typeof fetch;
}

describe('HomePage', () => {
  it('shows a progress message, then that the API and database are up', async () => {
    answer(200, { status: 'ok', info: { database: { status: 'up' } } });
    renderPage();
    expect(screen.getByRole('status')).toHaveTextContent('Checking the API');
    expect(await screen.findByText('API online, database connected')).toBeInTheDocument();
    expect(global.fetch).toHaveBeenCalledWith('/api/v1/health', expect.anything());
  });

  it("shows the API's message when the health check fails", async () => {
    answer(503, { message: 'Service Unavailable' });
    renderPage();
    expect(await screen.findByText(/not reachable: Service Unavailable/)).toBeInTheDocument();
  });
});
