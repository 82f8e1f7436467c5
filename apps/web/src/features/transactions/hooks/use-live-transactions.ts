import { DomainEvent, type TransactionChangedPayload } from '@ledgerlens/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtimeEvents } from '../../realtime';
import { transactionKeys } from '../api/transaction-keys';

/** How long a transaction added elsewhere carries its "New" badge. */
export const NEW_BADGE_MS = 60_000;

const TRANSACTION_EVENTS = [
  DomainEvent.TransactionCreated,
  DomainEvent.TransactionUpdated,
  DomainEvent.TransactionDeleted,
];

/**
 * Keeps the list current with changes made in other tabs and devices, and marks transactions
 * created elsewhere as new for a while. The API announces this tab's own creations too, in
 * either order with the POST's answer, so `createdHere` takes those out whichever comes first.
 */
export function useLiveTransactions() {
  const queryClient = useQueryClient();
  const [newIds, setNewIds] = useState<ReadonlySet<string>>(() => new Set());
  const ownIds = useRef(new Set<string>());
  const badgeTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const unmark = useCallback((id: string) => {
    clearTimeout(badgeTimers.current.get(id));
    badgeTimers.current.delete(id);
    setNewIds((ids) => {
      if (!ids.has(id)) return ids;
      const next = new Set(ids);
      next.delete(id);
      return next;
    });
  }, []);

  useRealtimeEvents<TransactionChangedPayload>(TRANSACTION_EVENTS, ({ type, payload }) => {
    void queryClient.invalidateQueries({ queryKey: transactionKeys.all });
    const id = payload.transactionId;
    if (type !== DomainEvent.TransactionCreated || ownIds.current.has(id)) return;
    clearTimeout(badgeTimers.current.get(id));
    badgeTimers.current.set(
      id,
      setTimeout(() => unmark(id), NEW_BADGE_MS),
    );
    setNewIds((ids) => new Set(ids).add(id));
  });

  const createdHere = useCallback(
    (id: string) => {
      ownIds.current.add(id);
      unmark(id);
    },
    [unmark],
  );

  useEffect(() => {
    const timers = badgeTimers.current;
    return () => timers.forEach((timer) => clearTimeout(timer));
  }, []);

  return { newIds, createdHere };
}
