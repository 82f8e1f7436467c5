import { create } from 'zustand';
import { traceIdOf } from '../../lib/api-error';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** One action, such as Undo; using it removes the toast. */
  action?: { label: string; onClick: () => void };
  /** Milliseconds on screen; errors stay until dismissed when 0. */
  durationMs: number;
  /** Called when the toast goes without its action used: its time ran out, or it was dismissed. */
  onDismiss?: () => void;
  /** An error's trace ID, shown as its reference. */
  reference?: string;
  /** How many times the same plain message was shown in a row while it was on screen. */
  times: number;
}

type NewToast = Omit<Toast, 'id' | 'durationMs' | 'times'> & { durationMs?: number };

/** A message with nothing of its own (no action, callback or reference): repeats may merge. */
const isPlain = (toast: NewToast | Toast) => !toast.action && !toast.onDismiss && !toast.reference;

interface ToastState {
  toasts: Toast[];
  /**
   * Shows a toast, newest last. A plain message equal to one on screen replaces it, counted
   * ("Transaction added ×3"), with its time started again: repeats do not pile up.
   */
  show(toast: NewToast): number;
  /** Removes the toast (if still there) and tells its `onDismiss`. */
  dismiss(id: number): void;
  /** Removes the toast (if still there) and runs its action. */
  runAction(id: number): void;
}

const DEFAULT_DURATION_MS: Record<ToastKind, number> = { success: 5000, info: 5000, error: 0 };
let nextId = 1;

export const useToasts = create<ToastState>()((set, get) => {
  /** Takes the toast out of the list; undefined when it has gone already. */
  const take = (id: number): Toast | undefined => {
    const found = get().toasts.find((toast) => toast.id === id);
    if (found) set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
    return found;
  };
  return {
    toasts: [],
    show: (toast) => {
      const id = nextId++;
      set((state) => {
        const repeated = isPlain(toast)
          ? state.toasts.find(
              (shown) =>
                isPlain(shown) && shown.kind === toast.kind && shown.message === toast.message,
            )
          : undefined;
        const durationMs = toast.durationMs ?? DEFAULT_DURATION_MS[toast.kind];
        return {
          toasts: [
            ...state.toasts.filter((shown) => shown !== repeated),
            { ...toast, id, durationMs, times: (repeated?.times ?? 0) + 1 },
          ],
        };
      });
      return id;
    },
    dismiss: (id) => take(id)?.onDismiss?.(),
    runAction: (id) => take(id)?.action?.onClick(),
  };
});

/** Shows a result to the user from anywhere (mutations' onSuccess/onError). */
export const toast = {
  success: (message: string, action?: Toast['action']) =>
    useToasts.getState().show({ kind: 'success', message, action }),
  /** `cause`: the failure, whose trace ID the toast shows as its reference. */
  error: (message: string, cause?: unknown) =>
    useToasts.getState().show({ kind: 'error', message, reference: traceIdOf(cause) }),
  info: (message: string, action?: Toast['action']) =>
    useToasts.getState().show({ kind: 'info', message, action }),
};

/** No toasts, for tests. */
export function resetToasts(): void {
  useToasts.setState({ toasts: [] });
}
