/**
 * Gives focus to the page's title (an `h1` with `tabIndex={-1}`) when what had focus is gone,
 * e.g. the Delete button of a deleted item: keyboard and screen-reader users stay on the page
 * and hear where they are, instead of being dropped at the start of the document.
 */
export function focusPageHeading(): void {
  document.querySelector<HTMLElement>('main h1, h1')?.focus();
}
