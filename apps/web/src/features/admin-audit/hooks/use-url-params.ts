import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The page's view in the URL, so a link reproduces it. Changing a filter goes back to page 1;
 * changes replace the history entry (typing a search must not leave one entry per keystroke).
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();

  const update = useCallback(
    (changes: Record<string, string>, { keepPage = false } = {}) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          if (!keepPage && !('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { params, update };
}
