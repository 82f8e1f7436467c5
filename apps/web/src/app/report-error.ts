import { reportTraceIdOf } from '../lib/api-error';
import { appLogger } from '../lib/logger';

/** What is known about where an error happened. */
export interface ErrorContext {
  /** React's component stack, for render errors. */
  componentStack?: string | null;
  /** The page's path when it failed. */
  path?: string;
}

/**
 * The one place the SPA reports errors it caught (error boundary, router): the log store, under
 * the trace ID the error's message shows as its reference.
 */
export function reportUiError(error: unknown, context: ErrorContext = {}): void {
  const traceId = reportTraceIdOf(error);
  (traceId ? appLogger().withTrace(traceId) : appLogger()).captureError(error, { ...context });
}
