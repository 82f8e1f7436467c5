import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { reportTraceIdOf } from '../lib/api-error';
import { ErrorReference } from '../ui';

/** Why the route failed, in words: an HTTP-like route error, or what was thrown. */
function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`.trim();
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The router's last resort (its `errorElement`): a route that could not load, such as a page's
 * code missing after a new release. The router has reported it already (RouterProvider's
 * onError) under the trace ID the reference shows; reloading fetches the current code.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <main className="notice-page notice-page--standalone">
      <h1>This page could not be loaded</h1>
      <p role="alert">
        {describe(error)} <ErrorReference traceId={reportTraceIdOf(error)} />
      </p>
      <p className="notice-page__actions">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
        <Link to="/">Go to your dashboard</Link>
      </p>
    </main>
  );
}
