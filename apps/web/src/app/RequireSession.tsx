import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { signInPathFor, useSession, useSessionRestore } from '../features/session';
import { ErrorState, Skeleton } from '../ui';

/**
 * Pages behind sign-in. A stored session is restored first; without one, sign-in is shown and
 * told to come back here — unless the user just signed out, which is not a page to resume.
 */
export function RequireSession() {
  const session = useSessionRestore();
  const location = useLocation();
  const signedOutOnPurpose = useSession((state) => state.ended === 'signed-out');

  switch (session.state) {
    case 'signed-in':
      return (
        // The pages behind sign-in are fetched on first use (behindSignIn); a reload may get here first.
        <Suspense fallback={<StandaloneSkeleton label="Loading the page" />}>
          <Outlet />
        </Suspense>
      );
    case 'restoring':
      return <StandaloneSkeleton label="Restoring your session" />;
    case 'failed':
      return (
        <main className="notice-page notice-page--standalone">
          <ErrorState
            title="Your session could not be restored"
            error={session.error}
            onRetry={session.retry}
          />
          <p>
            Or <Link to={signInPathFor(location)}>sign in again</Link>.
          </p>
        </main>
      );
    case 'signed-out':
      return <Navigate to={signedOutOnPurpose ? '/sign-in' : signInPathFor(location)} replace />;
  }
}

function StandaloneSkeleton({ label }: { label: string }) {
  return (
    <main className="notice-page notice-page--standalone">
      <Skeleton label={label} rows={4} />
    </main>
  );
}
