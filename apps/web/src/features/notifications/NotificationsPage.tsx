import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, PageHeader, Pager, Skeleton } from '../../ui';
import { PAGE_SIZE, useNotificationPage } from './api/notification-queries';
import { MarkAllReadButton } from './components/MarkAllReadButton';
import { NotificationList } from './components/NotificationList';
import { pageCountOf, pageOf } from './notification-paging';
import './notifications.css';

/** Every notification of the signed-in user, newest first, a page at a time (`?page=2`). */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const page = pageOf(params);
  const notifications = useNotificationPage(page);
  const goTo = (next: number) => setParams(next > 1 ? { page: String(next) } : {});

  let content;
  if (notifications.isPending) content = <Skeleton label="Loading notifications" rows={5} />;
  else if (notifications.isError)
    content = (
      <ErrorState
        title="Notifications could not be loaded"
        error={notifications.error}
        onRetry={() => void notifications.refetch()}
      />
    );
  else if (notifications.data.total === 0)
    content = (
      <EmptyState title="No notifications yet">
        <p>
          You are told here when spending reaches one of a budget’s thresholds.{' '}
          <Link to="/budgets">Set up your budgets</Link>.
        </p>
      </EmptyState>
    );
  else {
    const { items, total, unreadCount } = notifications.data;
    const pageCount = pageCountOf(total, PAGE_SIZE);
    content = (
      <div aria-busy={notifications.isPlaceholderData}>
        <p className="text-muted">
          {total.toLocaleString()} notifications, {unreadCount.toLocaleString()} unread.
        </p>
        {items.length === 0 ? (
          <EmptyState title="Nothing on this page">
            <button type="button" className="button" onClick={() => goTo(1)}>
              Back to the newest
            </button>
          </EmptyState>
        ) : (
          <NotificationList notifications={items} label="Notifications, newest first" />
        )}
        {pageCount > 1 && (
          <Pager page={page} pageCount={pageCount} onPage={goTo}>
            Page {page} of {pageCount}
          </Pager>
        )}
      </div>
    );
  }

  return (
    <section className="notifications-page">
      <PageHeader title="Notifications">
        <div className="notifications-page__actions">
          <Link to="/settings/notifications">Email settings</Link>
          <MarkAllReadButton unread={notifications.data?.unreadCount ?? 0} />
        </div>
      </PageHeader>
      {content}
    </section>
  );
}
