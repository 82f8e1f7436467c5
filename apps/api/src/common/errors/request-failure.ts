import { InternalEvent } from '@ledgerlens/contracts';
import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { Request } from 'express';

/**
 * A request answered with an error, sent as the in-process event `InternalEvent.RequestFailed`
 * by the exception filter, while the request's context is still current: the action log
 * records it, and nothing happens when nothing listens.
 */
export interface RequestFailure {
  request: Request;
  /** The status answered. */
  status: number;
  /** The message answered. */
  message: string;
  /** What was thrown. */
  error?: unknown;
}

/** Announces a failed request. Never throws: a listener's failure does not change the answer. */
export function reportRequestFailure(
  events: EventEmitter2 | undefined,
  failure: RequestFailure,
): void {
  try {
    events?.emit(InternalEvent.RequestFailed, failure);
  } catch {
    // The listener has told its own story; the error is answered as if nothing listened.
  }
}
