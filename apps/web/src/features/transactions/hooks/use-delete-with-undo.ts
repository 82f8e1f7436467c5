import { useCallback, useEffect, useRef, useState } from 'react';
import { useToasts } from '../../toasts/toast-store';
import { useDeleteTransaction } from '../api/delete-transaction';
import type { Transaction } from '../api/types';

/** How long Undo is offered before the delete is sent. */
export const UNDO_WINDOW_MS = 5000;

interface PendingDelete {
  transaction: Transaction;
  timer: ReturnType<typeof setTimeout>;
  toastId: number;
}

const withId = (ids: ReadonlySet<string>, id: string) => new Set(ids).add(id);
const withoutId = (ids: ReadonlySet<string>, id: string) => {
  const next = new Set(ids);
  next.delete(id);
  return next;
};

/**
 * Delete with undo: the transaction leaves the list at once and a toast offers Undo; the DELETE
 * goes out only when the window has passed. Leaving the page (unmount, or closing the tab)
 * sends the deletes still waiting, so none is silently dropped. A delete the API refuses puts
 * the transaction back (the mutation shows why).
 */
export function useDeleteWithUndo() {
  const { mutateAsync: sendDelete } = useDeleteTransaction();
  const [hiddenIds, setHiddenIds] = useState<ReadonlySet<string>>(() => new Set());
  const pending = useRef(new Map<string, PendingDelete>());
  const latestSend = useRef(sendDelete);
  useEffect(() => {
    latestSend.current = sendDelete;
  });

  const takePending = useCallback((id: string) => {
    const entry = pending.current.get(id);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    pending.current.delete(id);
    return entry;
  }, []);

  const send = useCallback(
    (id: string) => {
      const entry = takePending(id);
      if (!entry) return;
      useToasts.getState().dismiss(entry.toastId);
      latestSend.current(entry.transaction).catch(() => setHiddenIds((ids) => withoutId(ids, id)));
    },
    [takePending],
  );

  const undo = useCallback(
    (id: string) => {
      if (takePending(id)) setHiddenIds((ids) => withoutId(ids, id));
    },
    [takePending],
  );

  const remove = useCallback(
    (transaction: Transaction) => {
      const { id } = transaction;
      setHiddenIds((ids) => withId(ids, id));
      const toastId = useToasts.getState().show({
        kind: 'success',
        message: 'Transaction deleted',
        action: { label: 'Undo', onClick: () => undo(id) },
        durationMs: UNDO_WINDOW_MS,
      });
      const timer = setTimeout(() => send(id), UNDO_WINDOW_MS);
      pending.current.set(id, { transaction, timer, toastId });
    },
    [send, undo],
  );

  useEffect(() => {
    const sendAllPending = () => [...pending.current.keys()].forEach(send);
    window.addEventListener('pagehide', sendAllPending);
    return () => {
      window.removeEventListener('pagehide', sendAllPending);
      sendAllPending();
    };
  }, [send]);

  return { hiddenIds, remove };
}
