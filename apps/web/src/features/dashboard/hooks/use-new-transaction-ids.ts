import { DomainEvent, type TransactionChangedPayload } from '@ledgerlens/contracts';
import { useEffect, useRef, useState } from 'react';
import { useRealtimeEvents } from '../../realtime';

/** How long a transaction that just arrived keeps its "New" badge. */
export const NEW_BADGE_MS = 60_000;

/**
 * IDs of transactions created while the dashboard is open, each for a minute. The set lives
 * with the page, so the next visit starts without badges.
 */
export function useNewTransactionIds(): ReadonlySet<string> {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useRealtimeEvents<Pick<TransactionChangedPayload, 'transactionId'>>(
    [DomainEvent.TransactionCreated],
    ({ payload: { transactionId } }) => {
      clearTimeout(timers.current.get(transactionId));
      timers.current.set(
        transactionId,
        setTimeout(() => {
          timers.current.delete(transactionId);
          setIds((current) => new Set([...current].filter((id) => id !== transactionId)));
        }, NEW_BADGE_MS),
      );
      setIds((current) => new Set(current).add(transactionId));
    },
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return ids;
}
