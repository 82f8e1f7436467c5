import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  apiFiltersOf,
  FILTER_PARAMS,
  type FilterParam,
  filterValuesOf,
  hasFilters,
} from '../model/transaction-filters';

/**
 * The list's filters, kept in the URL so reload, back and a shared link keep them. Changes
 * replace the history entry: typing a search must not leave one entry per keystroke.
 */
export function useTransactionFilters() {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filterValuesOf(params), [params]);
  const filters = useMemo(() => apiFiltersOf(values), [values]);

  const setFilter = useCallback(
    (name: FilterParam, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const clearFilters = useCallback(
    () =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          FILTER_PARAMS.forEach((name) => next.delete(name));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { values, filters, isFiltered: hasFilters(values), setFilter, clearFilters };
}
