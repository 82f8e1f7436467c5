import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useRecentNotifications } from '../api/notification-queries';
import { useLiveNotifications } from '../api/use-live-notifications';
import { arrivalText, badgeText, bellLabel } from '../notification-text';
import { NotificationPanel } from './NotificationPanel';
import '../notifications.css';

const PANEL_ID = 'notification-panel';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * The signed-in user's bell: the unread count in its name and on a badge, kept current by the
 * live `notification.created` event, and a panel of the newest notifications. Escape closes
 * the panel and gives focus back to the bell; a click outside closes it too.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const recent = useRecentNotifications();
  useLiveNotifications((notification) => setAnnouncement(arrivalText(notification)));
  const unread = recent.data?.unreadCount ?? 0;

  useEffect(() => {
    if (!open) return;
    heading.current?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div ref={container} className="notification-bell" onKeyDown={closeOnEscape}>
      <button
        ref={button}
        type="button"
        className="notification-bell__button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={() => setOpen((isOpen) => !isOpen)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="notification-bell__badge" aria-hidden="true">
            {badgeText(unread)}
          </span>
        )}
      </button>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {open && (
        <NotificationPanel
          id={PANEL_ID}
          recent={recent}
          headingRef={heading}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
