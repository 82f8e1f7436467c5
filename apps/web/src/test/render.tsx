import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Toaster } from '../features/toasts';

export interface RenderedPage extends RenderResult {
  user: ReturnType<typeof userEvent.setup>;
  queryClient: QueryClient;
  router: ReturnType<typeof createMemoryRouter>;
}

/**
 * Renders a page as the app would: a fresh query cache (no retries), a router at `url` (so
 * URL-kept filters work; `path` is the route pattern), and the toaster. Stores are reset
 * before every test (test-setup.ts).
 */
export function renderPage(
  page: ReactElement,
  { url = '/', path = '*' }: { url?: string; path?: string } = {},
): RenderedPage {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      {
        path,
        element: (
          <>
            {page}
            <Toaster />
          </>
        ),
      },
    ],
    { initialEntries: [url] },
  );
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, user: userEvent.setup(), queryClient, router };
}
