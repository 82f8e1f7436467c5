import { RealtimeEnvelope, RealtimeEventName, RealtimePayloads } from '@ledgerlens/contracts';

/** The one shape of every server → client message. */
export function envelopeOf<T extends RealtimeEventName>(
  type: T,
  payload: RealtimePayloads[T],
  traceId: string | null | undefined,
  at = new Date(),
): RealtimeEnvelope<T> {
  return { type, payload, traceId: traceId ?? null, at: at.toISOString() };
}
