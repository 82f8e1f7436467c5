import { Pager } from '../../../ui';

/** Paging with where you are and how many there are in words: `Page 2 of 5 · 230 groups`. */
export function CountedPager({
  page,
  limit,
  total,
  noun,
  onPage,
}: {
  page: number;
  limit: number;
  total: number;
  /** What is counted, plural: "groups". */
  noun: string;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <Pager page={page} pageCount={pages} onPage={onPage}>
      Page {page.toLocaleString()} of {pages.toLocaleString()} · {total.toLocaleString()} {noun}
    </Pager>
  );
}
