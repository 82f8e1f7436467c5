import { useEffect, useRef } from 'react';
import { errorMessageOf } from '../../../lib/api-error';
import type { useTransactions } from '../api/get-transactions';
import type { Category } from '../api/types';
import type { DayGroup } from '../model/group-by-day';
import { DayGroupList } from './DayGroupList';
import type { TransactionActions } from './TransactionItem';

interface Props extends TransactionActions {
  query: ReturnType<typeof useTransactions>;
  groups: readonly DayGroup[];
  shown: number;
  /** Matching transactions in all pages, less those deleted here and not yet gone. */
  total: number;
  categories: readonly Category[];
  newIds: ReadonlySet<string>;
  openedId: string | null;
}

/** The loaded days, and the way to load more: a button, and scrolling near the end. */
export function TransactionResults({ query, groups, shown, total, ...listProps }: Props) {
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const loadMore = () => void fetchNextPage();
  return (
    <div aria-busy={query.isPlaceholderData || undefined}>
      <DayGroupList groups={groups} lastDayIncomplete={hasNextPage} {...listProps} />
      {query.isRefetchError && (
        <p className="transactions__notice" role="alert">
          The list could not be refreshed ({errorMessageOf(query.error)}); showing what was loaded.
        </p>
      )}
      {isFetchNextPageError && (
        <p className="transactions__notice" role="alert">
          More transactions could not be loaded: {errorMessageOf(query.error)}
        </p>
      )}
      <footer className="transactions__footer">
        <p className="transactions__count">
          Showing {shown} of {total}
        </p>
        {hasNextPage && (
          <button
            type="button"
            className="button button--ghost"
            disabled={isFetchingNextPage}
            onClick={loadMore}
          >
            {isFetchingNextPage ? 'Loading more…' : 'Load more'}
          </button>
        )}
        {hasNextPage && !isFetchingNextPage && !isFetchNextPageError && (
          <LoadWhenVisible onVisible={loadMore} />
        )}
      </footer>
    </div>
  );
}

/** Calls `onVisible` when scrolled into view; browsers without IntersectionObserver keep the button. */
function LoadWhenVisible({ onVisible }: { onVisible: () => void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(onVisible);
  useEffect(() => {
    latest.current = onVisible;
  });
  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && latest.current(),
      { rootMargin: '400px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={sentinel} aria-hidden />;
}
