import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { OPEN_PARAM } from '../links';

/**
 * The transaction a link asked to open (`?open=<id>`, see `transactionUrl`), and `forget`, to
 * call once it is open: the parameter then leaves the URL, so the row does not open and take
 * focus again when filters bring it back.
 */
export function useOpenedTransaction() {
  const [params, setParams] = useSearchParams();
  const forget = useCallback(
    () =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete(OPEN_PARAM);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { openedId: params.get(OPEN_PARAM), forget };
}
