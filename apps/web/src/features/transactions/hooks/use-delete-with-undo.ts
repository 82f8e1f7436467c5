import { useCallback, useEffect, useRef, useState } from 'react';
import { useToasts } from '../../toasts';
import { useDeleteTransaction } from '../api/delete-transaction';
import type { Transaction } from '../api/types';

/**
 * How long Undo is offered before the delete is sent: at least 10 s (WCAG 2.2.1), not counting
 * the time the pointer or the focus spends in the toast.
 */
export const UNDO_WINDOW_MS = 10_000;

interface PendingDelete {
  transaction: Transaction;
  toastId: number;
}

const withId = (ids: ReadonlySet<string>, id: string) => new Set(ids).add(id);
const withoutId = (ids: ReadonlySet<string>, id: string) => {
  const next = new Set(ids);
  next.delete(id);
  return next;
};

/**
 * Delete with undo: the transaction leaves the list at once and a toast offers Undo (by keyboard
 * too, see the Toaster); the DELETE goes out when the toast goes without Undo: its time ran out
 * (paused while hovered or focused) or it was dismissed. Leaving the page (unmount, or closing
 * the tab) sends the deletes still waiting, so none is silently dropped. A delete the API
 * refuses puts the transaction back (the mutation shows why).
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
    pending.current.delete(id);
    return entry;
  }, []);

  const send = useCallback(
    (id: string) => {
      const entry = takePending(id);
      // Not pending (any more): undone, sent, or this is the toast's own dismissal calling back.
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
        onDismiss: () => send(id),
      });
      pending.current.set(id, { transaction, toastId });
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
