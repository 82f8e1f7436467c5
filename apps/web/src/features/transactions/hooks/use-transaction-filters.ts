import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  apiFiltersOf,
  FILTER_PARAMS,
  filterErrorsOf,
  type FilterValues,
  filterValuesOf,
  hasFilters,
} from '../model/transaction-filters';

/**
 * The list's filters, kept in the URL so reload, back and a shared link keep them. Changes
 * replace the history entry: typing a search must not leave one entry per keystroke.
 *
 * `errors` says what is wrong with the values as typed; while there is anything, `filters` (what
 * the list asks the API for) stays the last valid set, so the list keeps its last valid results.
 * Opened with a problem (a hand-edited URL), the list applies the rest.
 */
export function useTransactionFilters() {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filterValuesOf(params), [params]);
  const errors = useMemo(() => filterErrorsOf(values), [values]);
  const wanted = useMemo(() => apiFiltersOf(values, errors), [values, errors]);
  const valid = Object.keys(errors).length === 0;
  const [filters, setFilters] = useState(wanted);
  if (valid && filters !== wanted) setFilters(wanted);

  /** Sets the filters `changes` name at once (both ends of a date range); empty ones go. */
  const changeFilters = useCallback(
    (changes: Partial<FilterValues>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
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

  return { values, errors, filters, isFiltered: hasFilters(values), changeFilters, clearFilters };
}
