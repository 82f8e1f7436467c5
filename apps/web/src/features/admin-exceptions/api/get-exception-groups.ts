import type { components } from '@ledgerlens/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { type ExceptionFilters, listQuery } from '../exception-filters';
import { exceptionKeys } from './exception-keys';

export type ExceptionGroup = components['schemas']['ExceptionGroupDto'];
export type ExceptionGroupPage = components['schemas']['ExceptionGroupPageDto'];

/** One page of groups; the range is measured back from the moment of the request. */
export const getExceptionGroups = (filters: ExceptionFilters): Promise<ExceptionGroupPage> =>
  unwrap(
    api.GET('/api/v1/logging/exceptions', { params: { query: listQuery(filters, new Date()) } }),
  );

/** The groups for the URL's filters; the previous page stays on screen while the next loads. */
export const useExceptionGroups = (filters: ExceptionFilters) =>
  useQuery({
    queryKey: exceptionKeys.list(filters),
    queryFn: () => getExceptionGroups(filters),
    placeholderData: keepPreviousData,
  });
