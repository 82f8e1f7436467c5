import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { errorMessageOf } from '../../../lib/api-error';
import { toast } from '../../toasts';
import { notificationKeys } from './notification-queries';

const markRead = (id: string) =>
  unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));

const markAllRead = () => unwrap(api.POST('/api/v1/notifications/read-all'));

/** The bell and the list read the same rows: both change with a read mark. */
const refreshNotifications = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: notificationKeys.all });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => refreshNotifications(queryClient),
    onError: (error) =>
      toast.error(`The notification could not be marked read: ${errorMessageOf(error)}`, error),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllRead,
    onSuccess: () => refreshNotifications(queryClient),
    onError: (error) =>
      toast.error(`The notifications could not be marked read: ${errorMessageOf(error)}`, error),
  });
}
