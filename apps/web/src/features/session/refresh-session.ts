import { ApiError } from '../../lib/api-error';
import { REFRESH_TOKEN_KEY, useSession, type AuthSession } from './session-store';

let inFlight: Promise<boolean> | null = null;

/**
 * Trades the stored refresh token for a new session. Calls made meanwhile share one refresh, and
 * tabs take turns (Web Locks): refresh tokens are single-use, and the API treats a second use as
 * theft. Resolves false, signed out, when the API refuses the token; throws when it cannot answer.
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= inTurn(exchangeRefreshToken).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('ledgerlens-refresh', work) : work();
}

async function exchangeRefreshToken(): Promise<boolean> {
  // Read inside the lock: another tab may have rotated the token while this one waited.
  const refreshToken = localStorage.getItem(REFRESH_TOKEN_KEY);
  if (!refreshToken) {
    useSession.getState().signedOut();
    return false;
  }
  const response = await fetch(`${window.location.origin}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  const answer = await refreshAnswerOf(response);
  if (answer.ok) {
    useSession.getState().signedIn(answer.session);
    return true;
  }
  if (response.status === 400 || response.status === 401) {
    useSession.getState().signedOut('expired');
    return false;
  }
  throw new ApiError(
    response.status,
    answer.error,
    response.statusText,
    response.headers.get('X-Trace-Id'),
  );
}

type ErrorBody = ConstructorParameters<typeof ApiError>[1];
type RefreshAnswer = { ok: true; session: AuthSession } | { ok: false; error: ErrorBody };

/**
 * The refresh endpoint's answer as its contract types it: the new session when it succeeded, the
 * error body otherwise (none when the body is not JSON, e.g. a proxy's error page).
 */
async function refreshAnswerOf(response: Response): Promise<RefreshAnswer> {
  const body: unknown = await response.json().catch(() => undefined);
  return response.ok
    ? { ok: true, session: body as AuthSession }
    : { ok: false, error: body as ErrorBody };
}
