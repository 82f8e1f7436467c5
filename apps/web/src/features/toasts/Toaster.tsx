import { useEffect } from 'react';
import { type Toast, useToasts } from './toast-store';
import './toasts.css';

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToasts((state) => state.dismiss);
  useEffect(() => {
    if (!toast.durationMs) return;
    const timer = setTimeout(() => dismiss(toast.id), toast.durationMs);
    return () => clearTimeout(timer);
  }, [toast.id, toast.durationMs, dismiss]);
  // The live role sits inside the <li>: an <li> with another role leaves the list without items.
  return (
    <li>
      <div
        className={`toast toast--${toast.kind}`}
        role={toast.kind === 'error' ? 'alert' : 'status'}
      >
        <span>{toast.message}</span>
        {toast.action && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              toast.action?.onClick();
              dismiss(toast.id);
            }}
          >
            {toast.action.label}
          </button>
        )}
        <button
          type="button"
          className="toast__close"
          aria-label="Dismiss"
          onClick={() => dismiss(toast.id)}
        >
          ×
        </button>
      </div>
    </li>
  );
}

/** Where results appear; mounted once by the layout. */
export function Toaster() {
  const toasts = useToasts((state) => state.toasts);
  return (
    <ol className="toaster" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </ol>
  );
}
