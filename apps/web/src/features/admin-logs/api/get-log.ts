import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { logKeys } from './log-keys';
import type { LogContext, LogEntry } from './types';

/** Lines shown on each side of a line in its context. */
export const CONTEXT_LINES = 20;

/** One line: from the loaded list when it is there, else from the API (a shared link). */
export const useLogLine = (id: string | null, loaded: LogEntry | undefined) =>
  useQuery({
    queryKey: logKeys.line(id ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/logging/logs/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
    initialData: loaded,
  });

/** The lines just before and after a line, and every line of its trace. */
export const useLogContext = (id: string | null) =>
  useQuery<LogContext>({
    queryKey: logKeys.context(id ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/logging/logs/{id}/context', {
          params: {
            path: { id: id ?? '' },
            query: { before: CONTEXT_LINES, after: CONTEXT_LINES },
          },
        }),
      ),
    enabled: id !== null,
  });
