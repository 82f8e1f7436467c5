import { formatMoney } from '../../../ui';
import type { MonthSummary } from '../month-summary';
import { SpendingChart } from './SpendingChart';
// .visually-hidden for the caption.

const shareFormat = new Intl.NumberFormat(undefined, { style: 'percent' });

/** Where the month's money went: a donut, and a table of the same figures. */
export function SpendingByCategory({
  spending,
  monthName,
}: {
  spending: NonNullable<MonthSummary['spending']>;
  monthName: string;
}) {
  const { currency, categories } = spending;
  const total = categories.reduce((sum, category) => sum + BigInt(category.cents), 0n);
  // A share is only drawn as a whole percentage: a float ratio of the exact sums is precise enough.
  const shareOf = (cents: string) => Number(cents) / Number(total);
  return (
    <div className="spending">
      <SpendingChart categories={categories} />
      <table className="spending__table">
        <caption className="visually-hidden">
          Spending by category in {monthName}, in {currency}
        </caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Spent</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr key={category.categoryId ?? 'none'}>
              <th scope="row">
                <span
                  className="swatch"
                  style={{ background: category.color }}
                  aria-hidden="true"
                />
                {category.name}
              </th>
              <td>{formatMoney(category.cents, currency)}</td>
              <td>{shareFormat.format(shareOf(category.cents))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
