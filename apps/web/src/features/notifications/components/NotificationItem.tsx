import { Link } from 'react-router';
import { LocalTime } from '../../../ui';
import type { UserNotification } from '../api/notification-queries';
import { useMarkRead } from '../api/notification-actions';
import { budgetCrossingOf, crossingFacts } from '../notification-text';

/**
 * One notification: its title leads to what it is about (the budget), then what happened, the
 * crossing's figures and period, when, and for an unread one a way to mark it read.
 */
export function NotificationItem({
  notification,
  onFollow,
}: {
  notification: UserNotification;
  /** Called when the reader follows its link (the panel closes). */
  onFollow?: () => void;
}) {
  const markRead = useMarkRead();
  const unread = notification.readAt === null;
  const crossing = budgetCrossingOf(notification);
  const facts = crossing && crossingFacts(crossing);
  return (
    <li className={`notification${unread ? ' notification--unread' : ''}`}>
      <p className="notification__title">
        {notification.link ? (
          <Link to={notification.link} onClick={onFollow}>
            {notification.title}
          </Link>
        ) : (
          notification.title
        )}
        {unread && <span className="badge badge--warning">Unread</span>}
      </p>
      <p className="notification__body">{notification.body}</p>
      {facts && (
        <ul className="notification__facts" aria-label="Details">
          <li>{facts.threshold}</li>
          <li>{facts.spent}</li>
          <li>{facts.period}</li>
        </ul>
      )}
      <div className="notification__foot">
        <LocalTime iso={notification.createdAt} />
        {unread && (
          <button
            type="button"
            className="button button--ghost notification__read"
            aria-label={`Mark read: ${notification.title}`}
            disabled={markRead.isPending}
            onClick={() => markRead.mutate(notification.id)}
          >
            Mark read
          </button>
        )}
      </div>
    </li>
  );
}
