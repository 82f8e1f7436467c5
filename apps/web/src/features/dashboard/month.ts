/** A calendar month in the user's time zone, as the API's date filters and the page need it. */
export interface Month {
  /** "2026-11": the query key part. */
  key: string;
  /** First and last day, inclusive, as `from`/`to` of the transactions list. */
  from: string;
  to: string;
  /** "November 2026". */
  name: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function monthOf(day: Date): Month {
  const year = day.getFullYear();
  const month = day.getMonth() + 1;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(year, month, 0).getDate();
  return {
    key: `${year}-${pad(month)}`,
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(lastDay)}`,
    name: new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(day),
  };
}
