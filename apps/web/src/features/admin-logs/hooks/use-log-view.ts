import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  EMPTY_FILTERS,
  filterValuesOf,
  hasFilters,
  type LogFilterValues,
  withFilters,
} from '../model/log-filters';

export type DetailTab = 'details' | 'context';

/**
 * The view as the URL keeps it: the filters, the open line (`line`) and its tab (`tab=context`).
 * Filter changes replace the history entry (typing must not leave one per key); opening a line
 * pushes one, so Back closes it.
 */
export function useLogView() {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filterValuesOf(params), [params]);

  // Each refresh reads a preset range ("last hour") again from now.
  const [refreshes, setRefreshes] = useState(0);
  const refresh = useCallback(() => setRefreshes((count) => count + 1), []);

  const setFilters = useCallback(
    (change: Partial<LogFilterValues>) =>
      setParams((current) => withFilters(current, { ...filterValuesOf(current), ...change }), {
        replace: true,
      }),
    [setParams],
  );
  const clearFilters = useCallback(
    () => setParams((current) => withFilters(current, EMPTY_FILTERS), { replace: true }),
    [setParams],
  );

  const lineId = params.get('line');
  const tab: DetailTab = params.get('tab') === 'context' ? 'context' : 'details';
  const openLine = useCallback(
    (id: string | null, nextTab: DetailTab = 'details') =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (id === null) {
          next.delete('line');
          next.delete('tab');
        } else {
          next.set('line', id);
          if (nextTab === 'context') next.set('tab', 'context');
          else next.delete('tab');
        }
        return next;
      }),
    [setParams],
  );

  return {
    values,
    refreshes,
    isFiltered: hasFilters(values),
    setFilters,
    clearFilters,
    refresh,
    lineId,
    tab,
    openLine,
  };
}
