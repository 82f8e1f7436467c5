import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { AppRoot } from '../app/App';
import { routes } from '../app/routes';

export interface RenderedApp extends RenderResult {
  user: ReturnType<typeof userEvent.setup>;
  queryClient: QueryClient;
  router: ReturnType<typeof createMemoryRouter>;
}

/**
 * Renders the whole app (its real routes, guards and layout) at `url`, with a fresh query cache
 * without retries. Pages the test does not care about still render: answer their routes or
 * assert on the shell only. Mock socket.io-client (test/fake-socket.ts): the layout connects.
 */
export function renderApp(url = '/'): RenderedApp {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const result = render(<AppRoot router={router} queryClient={queryClient} />);
  return { ...result, user: userEvent.setup(), queryClient, router };
}

/** The router's current path and query, e.g. `/transactions?from=2026-11-01`. */
export const currentUrl = (router: RenderedApp['router']): string =>
  `${router.state.location.pathname}${router.state.location.search}`;
