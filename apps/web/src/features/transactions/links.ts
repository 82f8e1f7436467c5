/** The URL parameter naming the transaction to open when the list shows it. */
export const OPEN_PARAM = 'open';

/** The transactions page with one transaction opened: what other pages link to. */
export const transactionUrl = (id: string) =>
  `/transactions?${new URLSearchParams({ [OPEN_PARAM]: id })}`;
