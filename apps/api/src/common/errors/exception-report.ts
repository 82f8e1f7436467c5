import { ExceptionLevel, InternalEvent, LogSource } from '@ledgerlens/contracts';
import type { EventEmitter2 } from '@nestjs/event-emitter';

/**
 * An exception for exception tracking, sent as the in-process event
 * `InternalEvent.ExceptionReported`: code that must not depend on the exceptions module (common
 * code, other modules) reports through it, and nothing happens when no tracker listens.
 */
export interface ExceptionReport {
  /** What was thrown. Or, for an error known only as text (a browser's), `type`/`message`/`stack`. */
  error?: unknown;
  /** Default: the thrown error's name, else the first line of the stack or message (`TypeError: …`). */
  type?: string;
  message?: string;
  stack?: string;
  /** Default `backend`. */
  source?: LogSource;
  /** Default `error`. */
  level?: ExceptionLevel;
  /** What caught it: `http`, `job`, `process`, `audit`, `logs`, `browser`, `test`… (kept in the context). */
  origin: string;
  /** Default: now. */
  occurredAt?: Date | string;
  /** Default: the current request's. */
  traceId?: string | null;
  /** Default: the current request's caller. */
  userId?: string | null;
  request?: { method?: string | null; path?: string | null };
  /** Default: APP_RELEASE for backend exceptions. */
  release?: string | null;
  /** More facts about it; redacted before it is stored. */
  context?: Record<string, unknown>;
  /** Replaces the computed fingerprint: occurrences with the same override form one group. */
  fingerprint?: string | readonly string[];
}

/**
 * Hands an exception to exception tracking. Never throws and never waits: tracking must not
 * change what the caller does.
 */
export function reportException(events: EventEmitter2 | undefined, report: ExceptionReport): void {
  try {
    events?.emit(InternalEvent.ExceptionReported, report);
  } catch {
    // A failing listener has told its own story; the caller goes on as if nothing listened.
  }
}
