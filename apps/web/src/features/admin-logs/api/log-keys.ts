import type { LogFilterValues } from '../model/log-filters';

export const logKeys = {
  all: ['admin-logs'] as const,
  list: (values: LogFilterValues, refreshes: number) =>
    [...logKeys.all, 'list', values, refreshes] as const,
  line: (id: string) => [...logKeys.all, 'line', id] as const,
  context: (id: string) => [...logKeys.all, 'context', id] as const,
};
