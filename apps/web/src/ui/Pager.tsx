import type { ReactNode } from 'react';

/** Previous/next through pages; `children` says where the reader stands, in words. */
export function Pager({
  page,
  pageCount,
  onPage,
  children,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  children: ReactNode;
}) {
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button button--ghost"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Previous page
      </button>
      <p className="pager__status" aria-live="polite">
        {children}
      </p>
      <button
        type="button"
        className="button button--ghost"
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
