import { formatMoney } from '../../../ui';
import type { CurrencySpending } from '../month-summary';
import { SpendingChart } from './SpendingChart';

const shareFormat = new Intl.NumberFormat(undefined, { style: 'percent' });

/**
 * Where the month's money in one currency went: a donut, and a table of the same figures.
 * `namesCurrency` titles it with its currency, for a month spent in several.
 */
export function SpendingByCategory({
  spending,
  monthName,
  namesCurrency,
}: {
  spending: CurrencySpending;
  monthName: string;
  namesCurrency: boolean;
}) {
  const { currency, categories } = spending;
  const total = categories.reduce((sum, category) => sum + BigInt(category.cents), 0n);
  // A share is only drawn as a whole percentage: a float ratio of the exact sums is precise enough.
  const shareOf = (cents: string) => Number(cents) / Number(total);
  return (
    <div className="spending">
      {namesCurrency && <h4 className="spending__currency">In {currency}</h4>}
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
