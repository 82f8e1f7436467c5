import type { UseQueryResult } from '@tanstack/react-query';
import { type Ref, useId } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Skeleton } from '../../../ui';
import type { NotificationPage } from '../api/notification-queries';
import { MarkAllReadButton } from './MarkAllReadButton';
import { NotificationList } from './NotificationList';

/** The bell's panel: the newest notifications, marking them read, and the way to the rest. */
export function NotificationPanel({
  id,
  recent,
  headingRef,
  onClose,
}: {
  id: string;
  /** The bell's query of the newest notifications. */
  recent: UseQueryResult<NotificationPage>;
  headingRef: Ref<HTMLHeadingElement>;
  /** Called when the reader follows a link out of the panel. */
  onClose: () => void;
}) {
  const headingId = useId();

  let content;
  if (recent.isPending) content = <Skeleton label="Loading notifications" rows={3} />;
  else if (recent.isError)
    content = (
      <ErrorState
        title="Notifications could not be loaded"
        error={recent.error}
        onRetry={() => void recent.refetch()}
      />
    );
  else if (recent.data.items.length === 0)
    content = (
      <EmptyState title="No notifications yet">
        <p>You are told here when a budget reaches one of its thresholds.</p>
      </EmptyState>
    );
  else
    content = (
      <NotificationList
        notifications={recent.data.items}
        label="Newest notifications"
        onFollow={onClose}
      />
    );

  return (
    <div id={id} className="notification-panel" role="dialog" aria-labelledby={headingId}>
      <div className="notification-panel__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="notification-panel__title">
          Notifications
        </h2>
        <MarkAllReadButton unread={recent.data?.unreadCount ?? 0} />
      </div>
      <div className="notification-panel__content">{content}</div>
      <div className="notification-panel__footer">
        <Link to="/notifications" onClick={onClose}>
          All notifications
        </Link>
        <Link to="/settings/notifications" onClick={onClose}>
          Email settings
        </Link>
      </div>
    </div>
  );
}
