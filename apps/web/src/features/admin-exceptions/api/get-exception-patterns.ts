import type { components } from '@ledgerlens/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { type RangeKey, rangeStart } from '../exception-filters';
import { exceptionKeys } from './exception-keys';

export type ExceptionPatterns = components['schemas']['ExceptionPatternsDto'];

export const getExceptionPatterns = (range: RangeKey): Promise<ExceptionPatterns> =>
  unwrap(
    api.GET('/api/v1/logging/exceptions/patterns', {
      params: { query: { from: rangeStart(range, new Date()) } },
    }),
  );

/** Occurrences by type and top groups over `range`, with the trend against the range before. */
export const useExceptionPatterns = (range: RangeKey) =>
  useQuery({
    queryKey: exceptionKeys.patterns(range),
    queryFn: () => getExceptionPatterns(range),
    placeholderData: keepPreviousData,
  });
