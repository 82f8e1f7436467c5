import type { components } from '@ledgerlens/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { recurringKeys } from './recurring-keys';

export type UpcomingOccurrence = components['schemas']['UpcomingOccurrenceDto'];

/** The occurrences not booked yet from today through `days` days, skipped ones marked. */
export const getUpcoming = async (days: number): Promise<UpcomingOccurrence[]> =>
  (await unwrap(api.GET('/api/v1/recurring/upcoming', { params: { query: { days } } }))).items;

export const upcomingQueryOptions = (days: number) =>
  queryOptions({ queryKey: recurringKeys.upcoming(days), queryFn: () => getUpcoming(days) });

export const useUpcoming = (days: number) => useQuery(upcomingQueryOptions(days));
