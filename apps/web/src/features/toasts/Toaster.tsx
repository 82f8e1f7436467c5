import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useRef,
  useState,
} from 'react';
import { ErrorReference } from '../../ui';
import { type Toast, useToasts } from './toast-store';
import { useCountdown } from './use-countdown';
import './toasts.css';

/** At most this many toasts show at once, so they do not cover the page; the rest are summed up. */
export const MAX_SHOWN = 2;
/** Takes the focus to the newest toast, as in other toasters (Radix, for one). */
const SHORTCUT = 'F8';
const LIST_ID = 'toast-list';

function ToastItem({
  toast,
  paused,
  beforeLeaving,
}: {
  toast: Toast;
  paused: boolean;
  /** Called before a button of the toast removes it, while it still holds the focus. */
  beforeLeaving: () => void;
}) {
  const { dismiss, runAction } = useToasts.getState();
  useCountdown(toast.durationMs, paused, () => dismiss(toast.id));
  // The live role sits inside the <li>: an <li> with another role leaves the list without items.
  return (
    <li>
      <div
        className={`toast toast--${toast.kind}`}
        role={toast.kind === 'error' ? 'alert' : 'status'}
      >
        <span className="toast__message">
          {toast.message}
          {toast.times > 1 && (
            <span className="toast__times">
              {' '}
              <span aria-hidden="true">×{toast.times}</span>
              <span className="visually-hidden">({toast.times} times)</span>
            </span>
          )}
          {toast.reference && (
            <>
              {' '}
              <ErrorReference traceId={toast.reference} />
            </>
          )}
        </span>
        {toast.action && (
          <>
            <span className="visually-hidden">
              Press {SHORTCUT} to reach {toast.action.label}.
            </span>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                beforeLeaving();
                runAction(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          </>
        )}
        <button
          type="button"
          className="toast__close"
          aria-label="Dismiss"
          onClick={() => {
            beforeLeaving();
            dismiss(toast.id);
          }}
        >
          ×
        </button>
      </div>
    </li>
  );
}

/** "3 more": shows the summed-up toasts, or dismisses them. */
function MoreToasts({
  hidden,
  expanded,
  onToggle,
}: {
  hidden: readonly Toast[];
  expanded: boolean;
  onToggle: () => void;
}) {
  return (
    <div className="toaster__more">
      <button
        type="button"
        className="button button--ghost"
        aria-expanded={expanded}
        aria-controls={LIST_ID}
        onClick={onToggle}
      >
        {expanded ? 'Show fewer' : `${hidden.length} more`}
      </button>
      {!expanded && (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => hidden.forEach(({ id }) => useToasts.getState().dismiss(id))}
        >
          Dismiss {hidden.length} more
        </button>
      )}
    </div>
  );
}

/** Moves the focus to the newest toast's first button when the shortcut is pressed anywhere. */
function useFocusShortcut(region: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const focusNewest = (event: globalThis.KeyboardEvent) => {
      if (event.key !== SHORTCUT) return;
      const button = region.current?.querySelector<HTMLElement>(
        `#${LIST_ID} > li:last-child button`,
      );
      if (!button) return;
      event.preventDefault();
      button.focus();
    };
    document.addEventListener('keydown', focusNewest);
    return () => document.removeEventListener('keydown', focusNewest);
  }, [region]);
}

/**
 * Where results appear; mounted once by the app frame. A landmark region at the end of the page,
 * reached by Tab or F8. The newest {@link MAX_SHOWN} toasts show, the older ones are summed up
 * and wait their turn. While the pointer is over the toasts or the focus is in them, no toast
 * runs out of time. Escape, or a toast's button removing it, gives the focus back to where it
 * came from.
 */
export function Toaster() {
  const toasts = useToasts((state) => state.toasts);
  const [expanded, setExpanded] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const region = useRef<HTMLElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  useFocusShortcut(region);

  const overflowing = toasts.length > MAX_SHOWN;
  // Once nothing is summed up, the next overflow starts summed up again.
  if (expanded && !overflowing) setExpanded(false);
  const older = toasts.slice(0, -MAX_SHOWN);
  const shown = expanded ? toasts : toasts.slice(older.length);

  const isOutside = (element: EventTarget | null) =>
    !(element instanceof Node && region.current?.contains(element));
  const giveFocusBack = () => {
    if (cameFrom.current?.isConnected) cameFrom.current.focus();
  };

  return (
    <section
      ref={region}
      className="toaster"
      aria-label="Notifications"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={(event: FocusEvent) => {
        if (!isOutside(event.relatedTarget)) return;
        cameFrom.current = event.relatedTarget as HTMLElement | null;
        setFocused(true);
      }}
      onBlur={(event: FocusEvent) => {
        if (isOutside(event.relatedTarget)) setFocused(false);
      }}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Escape') giveFocusBack();
      }}
    >
      {overflowing && (
        <MoreToasts
          hidden={older}
          expanded={expanded}
          onToggle={() => setExpanded((isExpanded) => !isExpanded)}
        />
      )}
      <ol id={LIST_ID} className="toaster__list">
        {shown.map((toast) => (
          <ToastItem
            key={toast.id}
            toast={toast}
            paused={hovered || focused}
            beforeLeaving={giveFocusBack}
          />
        ))}
      </ol>
    </section>
  );
}
