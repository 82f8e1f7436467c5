import type { UserNotification } from '../api/notification-queries';
import { NotificationItem } from './NotificationItem';

/** Notifications, newest first. */
export function NotificationList({
  notifications,
  label,
  onFollow,
}: {
  notifications: UserNotification[];
  label: string;
  onFollow?: () => void;
}) {
  return (
    <ol className="stack-list" aria-label={label}>
      {notifications.map((notification) => (
        <NotificationItem key={notification.id} notification={notification} onFollow={onFollow} />
      ))}
    </ol>
  );
}
