import { Pager } from '../../../ui';

/** Paging with where the page stands: `Rows 51–100 of 230 · page 2 of 5`. */
export function RowsPager({
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
    <Pager page={page} pageCount={pages} onPage={onPage}>
      {shown > 0 ? `Rows ${first}–${last} of ${total}` : `No rows on this page (${total} in all)`} ·
      page {page} of {pages}
    </Pager>
  );
}
