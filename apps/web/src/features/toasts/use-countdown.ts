import { useEffect, useRef } from 'react';

/**
 * Calls `onEnd` once `durationMs` have passed while not `paused`: a pause keeps the time left
 * and the countdown goes on from there. A duration of 0 never ends.
 */
export function useCountdown(durationMs: number, paused: boolean, onEnd: () => void): void {
  const left = useRef(durationMs);
  const latestOnEnd = useRef(onEnd);
  useEffect(() => {
    latestOnEnd.current = onEnd;
  });
  useEffect(() => {
    if (!durationMs || paused) return;
    const startedAt = Date.now();
    const timer = setTimeout(() => latestOnEnd.current(), left.current);
    return () => {
      clearTimeout(timer);
      left.current -= Date.now() - startedAt;
    };
  }, [durationMs, paused]);
}
