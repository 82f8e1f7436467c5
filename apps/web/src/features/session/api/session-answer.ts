import type { components } from '@ledgerlens/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { unwrap } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { type AuthSession, useSession } from '../session-store';

type ErrorBody = components['schemas']['ErrorResponseDto'];

interface SessionAnswer {
  data?: AuthSession;
  error?: unknown;
  response: Response;
}

/** A 429 from sign-in or registration (rate-limited per client), with how long to wait. */
export class TooManyAttemptsError extends ApiError {
  readonly retryAfterSeconds: number | null;

  constructor(
    body: Partial<ErrorBody> | undefined,
    retryAfterSeconds: number | null,
    headerTraceId: string | null,
  ) {
    super(429, body, 'Too many attempts', headerTraceId);
    this.name = 'TooManyAttemptsError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Seconds to wait before trying again. The API's rate limiter names its header after the limit
 * (`Retry-After-auth`); the standard `Retry-After` is read too. Only the delay-seconds form is
 * understood: an HTTP date is ignored rather than misread.
 */
export function retryAfterSeconds(headers: Headers): number | null {
  for (const [name, value] of headers) {
    if (name !== 'retry-after' && !name.startsWith('retry-after-')) continue;
    const seconds = Number(value);
    if (value.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  }
  return null;
}

/** The session a sign-in or registration answered; a failure becomes an ApiError. */
export async function sessionFrom(call: Promise<SessionAnswer>): Promise<AuthSession> {
  const answer = await call;
  if (answer.response.status === 429) {
    throw new TooManyAttemptsError(
      answer.error as Partial<ErrorBody> | undefined,
      retryAfterSeconds(answer.response.headers),
      answer.response.headers.get('X-Trace-Id'),
    );
  }
  return unwrap(Promise.resolve(answer));
}

/**
 * Stores a new session. The query cache is emptied first: it may still hold what the previous
 * user saw if their session expired rather than ended with a sign-out.
 */
export function useStartSession(): (session: AuthSession) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (session: AuthSession) => {
      queryClient.clear();
      useSession.getState().signedIn(session);
    },
    [queryClient],
  );
}
