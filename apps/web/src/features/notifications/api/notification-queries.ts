import type { components } from '@ledgerlens/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export type UserNotification = components['schemas']['NotificationDto'];
export type NotificationPage = components['schemas']['NotificationPageDto'];

/** How many of the newest notifications the bell's panel shows. */
export const RECENT_LIMIT = 5;
/** Notifications per page of the full list. */
export const PAGE_SIZE = 20;

export const notificationKeys = {
  all: ['notifications'] as const,
  recent: () => [...notificationKeys.all, 'recent'] as const,
  pages: () => [...notificationKeys.all, 'page'] as const,
  page: (page: number) => [...notificationKeys.pages(), page] as const,
};

const getNotifications = (page: number, limit: number): Promise<NotificationPage> =>
  unwrap(api.GET('/api/v1/notifications', { params: { query: { page, limit } } }));

/** The newest notifications and the unread count, for the bell. */
export const useRecentNotifications = () =>
  useQuery({
    queryKey: notificationKeys.recent(),
    queryFn: () => getNotifications(1, RECENT_LIMIT),
  });

/** One page of every notification, newest first; the page on screen stays while the next loads. */
export const useNotificationPage = (page: number) =>
  useQuery({
    queryKey: notificationKeys.page(page),
    queryFn: () => getNotifications(page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
