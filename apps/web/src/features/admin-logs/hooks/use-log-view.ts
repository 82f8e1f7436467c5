import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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

  // React Router hands a functional update the params of the last render, so two fields that
  // commit before the next render would each drop the other's change: changes build on the
  // params last written instead. A render of one of our own earlier writes, while later ones are
  // still on their way, must not take that back; params changed elsewhere (Back, a link) are
  // taken as they are.
  const written = useRef(params);
  const inFlight = useRef<string[]>([]);
  useEffect(() => {
    const arrived = inFlight.current.indexOf(params.toString());
    inFlight.current = arrived === -1 ? [] : inFlight.current.slice(arrived + 1);
    if (inFlight.current.length === 0) written.current = params;
  }, [params]);
  const setFilters = useCallback(
    (change: Partial<LogFilterValues>) => {
      const next = withFilters(written.current, { ...filterValuesOf(written.current), ...change });
      written.current = next;
      inFlight.current.push(next.toString());
      setParams(next, { replace: true });
    },
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
