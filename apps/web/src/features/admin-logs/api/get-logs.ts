import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { type LogFilterValues, type LogQuery, logQueryOf } from '../model/log-filters';
import { logKeys } from './log-keys';
import type { LogPage } from './types';

/** Lines per request: enough to fill a tall screen a few times over. */
export const LOG_PAGE_SIZE = 200;

export const getLogs = (query: LogQuery, cursor: string | undefined) =>
  unwrap(
    api.GET('/api/v1/logging/logs', {
      params: { query: { ...query, limit: LOG_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
    }),
  );

/** A page with the query that read it, so that older pages read the very same lines. */
type ListPage = LogPage & { query: LogQuery };
type PageParam = { query: LogQuery; cursor: string } | null;

/**
 * Matching lines, newest first, a page at a time by the API's cursor (`fetchNextPage` loads
 * older ones). A preset range ("last hour") is fixed when the first page is read; `refreshes`
 * (a count) reads it again from now. New filters keep the lines on screen until their first
 * page arrives.
 */
export const useLogs = (values: LogFilterValues, refreshes: number) =>
  useInfiniteQuery({
    queryKey: logKeys.list(values, refreshes),
    queryFn: async ({ pageParam }): Promise<ListPage> => {
      const query = pageParam?.query ?? logQueryOf(values, Date.now());
      return { ...(await getLogs(query, pageParam?.cursor)), query };
    },
    initialPageParam: null as PageParam,
    getNextPageParam: (last): PageParam | undefined =>
      last.nextCursor ? { query: last.query, cursor: last.nextCursor } : undefined,
    placeholderData: keepPreviousData,
  });
