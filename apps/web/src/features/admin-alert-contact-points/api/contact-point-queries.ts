import type { components } from '@ledgerlens/contracts';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { alertKeys } from '../../admin-alerts';

export type ContactPoint = components['schemas']['ContactPointDto'];
export type SavedContactPoint = components['schemas']['SavedContactPointDto'];
export type ContactPointBody = components['schemas']['ContactPointBodyDto'];
export type ContactPointType = ContactPoint['type'];
export type TestResult = components['schemas']['TestDeliveryResultDto'];

/** The rule form lists contact points too: one cached list, refreshed after every change. */
const invalidateContactPoints = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: alertKeys.contactPoints() });

export const saveContactPoint = ({
  id,
  body,
}: {
  /** Absent for a new contact point. */
  id?: string;
  body: ContactPointBody;
}): Promise<SavedContactPoint> =>
  id
    ? unwrap(
        api.PUT('/api/v1/monitoring/alerts/contact-points/{id}', {
          params: { path: { id } },
          body,
        }),
      )
    : unwrap(api.POST('/api/v1/monitoring/alerts/contact-points', { body }));

/** Creates or replaces a contact point; the answer may carry a generated secret, once. */
export function useSaveContactPoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveContactPoint,
    onSuccess: () => invalidateContactPoints(queryClient),
  });
}

export const deleteContactPoint = (id: string) =>
  unwrap(api.DELETE('/api/v1/monitoring/alerts/contact-points/{id}', { params: { path: { id } } }));

export function useDeleteContactPoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteContactPoint,
    onSuccess: () => invalidateContactPoints(queryClient),
  });
}

export const testContactPoint = (id: string): Promise<TestResult[]> =>
  unwrap(
    api.POST('/api/v1/monitoring/alerts/contact-points/{id}/test', { params: { path: { id } } }),
  );

/**
 * Sends a test notification now and answers each recipient's result. A webhook answering 410
 * disables its contact point, so the list is read again afterwards.
 */
export function useTestContactPoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: testContactPoint,
    onSettled: () => invalidateContactPoints(queryClient),
  });
}
