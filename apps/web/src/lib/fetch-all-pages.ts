/** The API's largest page (`limit` is capped at 100 on every list route). */
export const MAX_PAGE_SIZE = 100;

interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Every item of a paged list, one page after another: pages and totals come from the API, so a
 * list longer than one page is never cut short silently.
 */
export async function fetchAllPages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const { items: pageItems, total } = await fetchPage(page);
    items.push(...pageItems);
    if (pageItems.length === 0 || items.length >= total) return items;
  }
}
