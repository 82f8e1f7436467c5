import type { components } from '@ledgerlens/contracts';

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

/** The trace ID that finds an error's request in the logs, when there is one. */
export function traceIdOf(error: unknown): string | undefined {
  return error instanceof ApiError || error instanceof NetworkError ? error.traceId : undefined;
}

/** Messages of an error for display: the API's message, or a network failure's. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection.';
  return error instanceof Error ? error.message : String(error);
}
