import { ApiError, errorMessageOf } from '../../lib/api-error';
import { TooManyAttemptsError } from './api/session-answer';

/** The API's message for one form field, shown under it. */
export function fieldMessageOf(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** "45 seconds", "1 minute", "3 minutes": a wait as people say it. */
export function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * The message above a sign-in or registration form for a failed attempt, or undefined when the
 * messages under the `fields` say it all.
 */
export function formMessageOf(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (error instanceof TooManyAttemptsError) {
    return error.retryAfterSeconds === null
      ? 'Too many attempts. Wait a moment, then try again.'
      : `Too many attempts. Try again in ${waitText(error.retryAfterSeconds)}.`;
  }
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Wrong email or password.';
    if (fields.some((field) => error.fieldMessage(field))) return 'Check the highlighted fields.';
  }
  return errorMessageOf(error);
}
