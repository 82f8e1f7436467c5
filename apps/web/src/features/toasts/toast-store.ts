import { create } from 'zustand';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** One action, such as Undo; clicking it dismisses the toast. */
  action?: { label: string; onClick: () => void };
  /** Milliseconds on screen; errors stay until dismissed when 0. */
  durationMs: number;
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id' | 'durationMs'> & { durationMs?: number }): number;
  dismiss(id: number): void;
}

const DEFAULT_DURATION_MS: Record<ToastKind, number> = { success: 5000, info: 5000, error: 0 };
let nextId = 1;

export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  show: (toast) => {
    const id = nextId++;
    set((state) => ({
      toasts: [
        ...state.toasts,
        { ...toast, id, durationMs: toast.durationMs ?? DEFAULT_DURATION_MS[toast.kind] },
      ],
    }));
    return id;
  },
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
}));

/** Shows a result to the user from anywhere (mutations' onSuccess/onError). */
export const toast = {
  success: (message: string, action?: Toast['action']) =>
    useToasts.getState().show({ kind: 'success', message, action }),
  error: (message: string) => useToasts.getState().show({ kind: 'error', message }),
  info: (message: string, action?: Toast['action']) =>
    useToasts.getState().show({ kind: 'info', message, action }),
};

/** No toasts, for tests. */
export function resetToasts(): void {
  useToasts.setState({ toasts: [] });
}
