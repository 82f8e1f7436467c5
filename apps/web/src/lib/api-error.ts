import type { components } from '@ledgerlens/contracts';
import { newTraceparent } from './trace';

type ErrorBody = components['schemas']['ErrorResponseDto'];

/** An API answer that was not 2xx, in the API's one error shape (field messages in `details`). */
export class ApiError extends Error {
  readonly status: number;
  readonly details: Record<string, string[]>;
  readonly traceId?: string;

  /**
   * `headerTraceId` is the answer's `X-Trace-Id`: what identifies the request when the body is
   * not the API's (a proxy's HTML page, an empty 502).
   */
  constructor(
    status: number,
    body: Partial<ErrorBody> | string | undefined,
    fallback: string,
    headerTraceId?: string | null,
  ) {
    const fields = typeof body === 'object' ? body : undefined;
    super(fields?.message ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.details = (fields?.details as Record<string, string[]> | undefined) ?? {};
    this.traceId = fields?.traceId ?? headerTraceId ?? undefined;
  }

  /** The first message for a field (`amountCents`, `entries.0.level`), for a form control. */
  fieldMessage(field: string): string | undefined {
    return this.details[field]?.[0];
  }
}

/**
 * A request that never got an answer (offline, DNS, a refused connection). It keeps the trace ID
 * the request carried: the browser logged the failure under it.
 */
export class NetworkError extends TypeError {
  readonly traceId: string;

  constructor(traceId: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'NetworkError';
    this.traceId = traceId;
  }
}

/** Trace IDs of errors the SPA reports itself (a page that failed to load or render). */
const reportTraceIds = new WeakMap<object, string>();

/**
 * The trace ID that finds an error in the logs: its request's, or the one the SPA reported it
 * under. Undefined for an error nobody logged.
 */
export function traceIdOf(error: unknown): string | undefined {
  if (error instanceof ApiError || error instanceof NetworkError) return error.traceId;
  return typeof error === 'object' && error !== null ? reportTraceIds.get(error) : undefined;
}

/**
 * The trace ID to report an error under: its request's, else one made on the first ask. The
 * report and the page showing the error both ask, in either order, and agree.
 */
export function reportTraceIdOf(error: unknown): string | undefined {
  const known = traceIdOf(error);
  if (known || typeof error !== 'object' || error === null) return known;
  const { traceId } = newTraceparent();
  reportTraceIds.set(error, traceId);
  return traceId;
}

/** Messages of an error for display: the API's message, or a network failure's. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection.';
  return error instanceof Error ? error.message : String(error);
}
