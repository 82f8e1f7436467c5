/** Previous/next paging with where the page stands: `Rows 51–100 of 230`. */
export function Pager({
  page,
  pageSize,
  total,
  shown,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  shown: number;
  onPage: (page: number) => void;
}) {
  const first = (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  const pages = Math.max(Math.ceil(total / pageSize), 1);
  return (
    <nav className="audit-pager" aria-label="Pages">
      <button
        type="button"
        className="button button--ghost"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Previous page
      </button>
      <p aria-live="polite">
        {shown > 0 ? `Rows ${first}–${last} of ${total}` : `No rows on this page (${total} in all)`}{' '}
        · page {page} of {pages}
      </p>
      <button
        type="button"
        className="button button--ghost"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
