import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { reportUiError } from './report-error';
import { routes } from './routes';

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
}

type Router = ReturnType<typeof createBrowserRouter>;

/** The app around a given router and cache: the browser's in production, memory ones in tests. */
export function AppRoot({ router, queryClient }: { router: Router; queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider
        router={router}
        onError={(error, { location, errorInfo }) =>
          reportUiError(error, {
            componentStack: errorInfo?.componentStack,
            path: location.pathname,
          })
        }
      />
    </QueryClientProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return <AppRoot router={router} queryClient={queryClient} />;
}
