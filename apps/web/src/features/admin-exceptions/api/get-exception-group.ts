import type { components } from '@ledgerlens/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { type RangeKey, rangeStart } from '../exception-filters';
import { exceptionKeys } from './exception-keys';

export type ExceptionGroupDetail = components['schemas']['ExceptionGroupDetailDto'];
export type ExceptionOccurrence = components['schemas']['ExceptionOccurrenceDto'];

/** How many recent occurrences the page lists. */
const RECENT = 20;

export const getExceptionGroup = (id: string, range: RangeKey): Promise<ExceptionGroupDetail> =>
  unwrap(
    api.GET('/api/v1/logging/exceptions/{id}', {
      params: { path: { id }, query: { from: rangeStart(range, new Date()), recent: RECENT } },
    }),
  );

/** A group with its latest stack, recent occurrences and hourly counts over `range`. */
export const useExceptionGroup = (id: string, range: RangeKey) =>
  useQuery({
    queryKey: exceptionKeys.detail(id, range),
    queryFn: () => getExceptionGroup(id, range),
  });
