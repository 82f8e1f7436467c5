import { useEffect, useRef } from 'react';

/**
 * Calls `refresh` every `intervalMs` while `enabled`, skipping ticks while the tab is hidden (an
 * admin returning to it gets the next tick). The latest `refresh` is used without restarting
 * the timer.
 */
export function useAutoRefresh(enabled: boolean, intervalMs: number, refresh: () => void): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') latest.current();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [enabled, intervalMs]);
}
