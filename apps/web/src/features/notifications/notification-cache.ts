import type { NotificationPage, UserNotification } from './api/notification-queries';

/**
 * The bell's page with a pushed notification on top: one more unread, the oldest beyond `limit`
 * dropped. A notification already listed (pushed again after a reconnection, or fetched since)
 * changes nothing; without a page yet there is nothing to update, the fetch will bring it.
 */
export function withNewNotification(
  page: NotificationPage | undefined,
  notification: UserNotification,
  limit: number,
): NotificationPage | undefined {
  if (!page || page.items.some((item) => item.id === notification.id)) return page;
  const unread = notification.readAt === null ? 1 : 0;
  return {
    ...page,
    items: [notification, ...page.items].slice(0, limit),
    total: page.total + 1,
    unreadCount: page.unreadCount + unread,
  };
}
