import { ApiError } from '../../lib/api-error';
import { TooManyAttemptsError } from './api/session-answer';

/** "45 seconds", "1 minute", "3 minutes": a wait as people say it. */
export function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * What a failed sign-in or registration means, where the form knows better than the API's
 * message: too many attempts, or wrong credentials. Undefined otherwise.
 */
export function sessionRefusalOf(error: unknown): string | undefined {
  if (error instanceof TooManyAttemptsError) {
    return error.retryAfterSeconds === null
      ? 'Too many attempts. Wait a moment, then try again.'
      : `Too many attempts. Try again in ${waitText(error.retryAfterSeconds)}.`;
  }
  if (error instanceof ApiError && error.status === 401) return 'Wrong email or password.';
  return undefined;
}
