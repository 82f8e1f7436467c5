import { type ReactNode, useEffect, useId, useRef } from 'react';
import { focusPageHeading } from './focus-page-heading';

/** Where typing starts in a dialog: its first field, else its first button (Close aside). */
const FIRST_FIELD =
  'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)';

function focusFirstControl(body: HTMLElement | null) {
  const control =
    body?.querySelector<HTMLElement>(FIRST_FIELD) ??
    body?.querySelector<HTMLElement>('button:not(:disabled)');
  control?.focus();
}

/**
 * A modal dialog on the native `<dialog>`: the browser traps focus, makes the page behind it
 * inert, closes on Escape and returns focus to what opened it, or to the page's title when that
 * is gone (the Delete button of the item just deleted). It opens with focus on its first field.
 * The title stays in view while the body scrolls; a form's button row stays at the body's foot
 * (ui.css), so a long form never pushes its buttons off a small screen.
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
  const body = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      focusFirstControl(body.current);
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
          <div ref={body} className="dialog__body">
            {children}
          </div>
        </>
      )}
    </dialog>
  );
}
