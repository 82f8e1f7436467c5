import { type ReactNode, useEffect, useId, useRef } from 'react';
import { focusPageHeading } from './focus-page-heading';

/**
 * A modal dialog on the native `<dialog>`: the browser traps focus, makes the page behind it
 * inert, closes on Escape and returns focus to what opened it, or to the page's title when that
 * is gone (the Delete button of the item just deleted).
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    }
    if (!open && dialog.open) {
      dialog.close();
      if (opener.current && !opener.current.isConnected) focusPageHeading();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <header className="dialog__header">
            <h2 id={titleId}>{title}</h2>
            <button
              type="button"
              className="button button--ghost"
              aria-label="Close"
              onClick={onClose}
            >
              ×
            </button>
          </header>
          {children}
        </>
      )}
    </dialog>
  );
}
