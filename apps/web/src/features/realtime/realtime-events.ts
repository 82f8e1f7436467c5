import { useEffect, useRef } from 'react';

/** What the API sends over socket.io for every event (docs/realtime.md). */
export interface RealtimeEnvelope<Payload = unknown> {
  type: string;
  payload: Payload;
  traceId: string | null;
  at: string;
}

type Listener = (envelope: RealtimeEnvelope) => void;
const listeners = new Map<string, Set<Listener>>();

/** Hands an event that arrived on the socket to the page code listening for its type. */
export function publishRealtime(envelope: RealtimeEnvelope): void {
  listeners.get(envelope.type)?.forEach((listener) => listener(envelope));
}

export function subscribeRealtime(type: string, listener: Listener): () => void {
  const forType = listeners.get(type) ?? new Set<Listener>();
  forType.add(listener);
  listeners.set(type, forType);
  return () => forType.delete(listener);
}

/** Calls `onEvent` for each event of the given types while the component is mounted. */
export function useRealtimeEvents<Payload>(
  types: readonly string[],
  onEvent: (envelope: RealtimeEnvelope<Payload>) => void,
): void {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  const key = types.join(',');
  useEffect(() => {
    const unsubscribe = key
      .split(',')
      .map((type) =>
        subscribeRealtime(type, (envelope) =>
          latest.current(envelope as RealtimeEnvelope<Payload>),
        ),
      );
    return () => unsubscribe.forEach((stop) => stop());
  }, [key]);
}
