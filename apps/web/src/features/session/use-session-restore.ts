import { useEffect, useState } from 'react';
import { refreshSession } from './refresh-session';
import { hasStoredSession, useSession } from './session-store';

export type SessionRestore =
  | { state: 'signed-in' }
  /** A stored refresh token is being traded for a session. */
  | { state: 'restoring' }
  /** The API could not be asked (offline, 5xx): the stored token is kept for another try. */
  | { state: 'failed'; error: unknown; retry: () => void }
  | { state: 'signed-out' };

/**
 * The session for pages behind sign-in. After a reload only the refresh token is left
 * (ADR 0012): it is traded for a new session once, whichever page was opened.
 */
export function useSessionRestore(): SessionRestore {
  const signedIn = useSession((state) => state.user !== null);
  // Re-read on every render: a refused refresh removes the stored token and signs out.
  const restorable = !signedIn && hasStoredSession();
  const [attempt, setAttempt] = useState(0);
  // How the last attempt ended. A refused token changes neither `user` nor anything else this
  // hook reads from the store, so the outcome itself is what renders again.
  const [outcome, setOutcome] = useState<{ attempt: number; error?: unknown } | null>(null);

  useEffect(() => {
    if (!restorable) return;
    let current = true;
    // refreshSession shares one request between callers, so StrictMode's second run is free.
    refreshSession().then(
      () => {
        if (current) setOutcome({ attempt });
      },
      (error: unknown) => {
        if (current) setOutcome({ attempt, error: error ?? 'Unknown error' });
      },
    );
    return () => {
      current = false;
    };
  }, [restorable, attempt]);

  if (signedIn) return { state: 'signed-in' };
  if (!restorable) return { state: 'signed-out' };
  if (outcome?.attempt === attempt && outcome.error !== undefined) {
    return { state: 'failed', error: outcome.error, retry: () => setAttempt(attempt + 1) };
  }
  return { state: 'restoring' };
}
