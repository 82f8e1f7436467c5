import type { LogContext } from './log-entry';

/** What an entry says about something thrown or rejected. */
export interface ThrownDetails {
  message: string;
  stack?: string;
  context: LogContext;
}

/**
 * Message, stack and context of any thrown value. Objects that are not errors go into the
 * context, never into the message as JSON: the redactor finds secrets under keys of objects,
 * not inside JSON text.
 */
export function describeThrown(thrown: unknown): ThrownDetails {
  if (thrown instanceof Error) {
    return {
      message: thrown.message || thrown.name,
      stack: thrown.stack,
      context: {
        errorName: thrown.name,
        ...(thrown.cause === undefined ? {} : { cause: thrown.cause }),
      },
    };
  }
  if (typeof thrown === 'object' && thrown !== null) {
    const { message } = thrown as { message?: unknown };
    return {
      message: typeof message === 'string' ? message : 'A value that is not an Error was thrown',
      context: { thrown },
    };
  }
  return { message: String(thrown), context: {} };
}
