import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `delayMs` (compared as JSON, so a new object with
 * the same content is no change): the form previews once typing pauses, not per key.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState({ key, value });
  useEffect(() => {
    if (key === settled.key) return;
    const timer = setTimeout(() => setSettled({ key, value: JSON.parse(key) as T }), delayMs);
    return () => clearTimeout(timer);
  }, [key, settled.key, delayMs]);
  return settled.value;
}
