import { type ComponentType, lazy } from 'react';
import type { RouteObject } from 'react-router';
import { hasStoredSession, useSession } from '../features/session';

/**
 * A route whose code is fetched only for someone with a session, or one to restore. A route's
 * `lazy` would not do: the router fetches the code of every route a URL matches as soon as the
 * navigation starts, so a signed-out visitor opening `/` would download the dashboard on the way
 * to sign-in. Here the loader starts the download alongside the session's restore (no waterfall
 * after a reload), and the component (React.lazy) waits for it when it is first shown, inside
 * RequireSession's Suspense.
 */
export function behindSignIn(
  load: () => Promise<ComponentType>,
): Pick<RouteObject, 'loader' | 'Component'> {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const fetchCode = () => (loading ??= load().then((Component) => ({ default: Component })));
  return {
    loader: () => {
      // A failed download is reported once, by the render that needs it.
      if (useSession.getState().user || hasStoredSession()) fetchCode().catch(() => undefined);
      return null;
    },
    Component: lazy(fetchCode),
  };
}
