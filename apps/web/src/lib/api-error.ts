import type { components } from '@ledgerlens/contracts';

type ErrorBody = components['schemas']['ErrorResponseDto'];

/** An API answer that was not 2xx, in the API's one error shape (field messages in `details`). */
export class ApiError extends Error {
  readonly status: number;
  readonly details: Record<string, string[]>;
  readonly traceId?: string;

  constructor(status: number, body: Partial<ErrorBody> | undefined, fallback: string) {
    super(body?.message ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.details = (body?.details as Record<string, string[]> | undefined) ?? {};
    this.traceId = body?.traceId;
  }

  /** The first message for a field (`amountCents`, `entries.0.level`), for a form control. */
  fieldMessage(field: string): string | undefined {
    return this.details[field]?.[0];
  }
}

/** Messages of an error for display: the API's message, or a network failure's. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection.';
  return error instanceof Error ? error.message : String(error);
}
