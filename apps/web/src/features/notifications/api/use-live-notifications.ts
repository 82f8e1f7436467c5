import { type NotificationEventPayload, RealtimeEvent } from '@ledgerlens/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useConnection, useRealtimeEvents } from '../../realtime';
import { withNewNotification } from '../notification-cache';
import { type NotificationPage, notificationKeys, RECENT_LIMIT } from './notification-queries';

const EVENTS = [RealtimeEvent.NotificationCreated];

/**
 * Keeps the bell current while signed in: a pushed notification joins the newest ones at once
 * (the event carries it whole) and the full list's pages are read again. Nothing is replayed,
 * so each connection reads everything again.
 */
export function useLiveNotifications(onArrival: (notification: NotificationEventPayload) => void) {
  const queryClient = useQueryClient();

  useRealtimeEvents<NotificationEventPayload>(EVENTS, ({ payload }) => {
    queryClient.setQueryData<NotificationPage>(notificationKeys.recent(), (page) =>
      withNewNotification(page, payload, RECENT_LIMIT),
    );
    void queryClient.invalidateQueries({ queryKey: notificationKeys.pages() });
    onArrival(payload);
  });

  useEffect(
    () =>
      // Events are not replayed: whatever was stored before this connection (the first one too,
      // which opens after the bell's first read) is read again.
      useConnection.subscribe((now, before) => {
        if (now.status === 'online' && before.status !== 'online') {
          void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
        }
      }),
    [queryClient],
  );
}
