import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { useWidth } from '../../admin-performance';
import { formatMoney } from '../../../ui';
import { shortMonthName } from '../month';
import type { CategorySeries, CategoryTrendRow } from '../over-time';
import { tickOf } from './IncomeSpendingChart';

const HEIGHT = 240;
const reduceMotion =
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Each month's spending in one currency as a stack of its categories, in their colours. Like the
 * income chart, the bars are for sighted readers; the table holds the exact figures.
 */
export function CategoryTrendChart({
  series,
  rows,
  currency,
  rangeName,
}: {
  series: CategorySeries[];
  rows: CategoryTrendRow[];
  currency: string;
  rangeName: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  return (
    <div className="trend">
      <div className="trend__chart" ref={ref} aria-hidden="true">
        <BarChart
          width={width}
          height={HEIGHT}
          data={rows}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tickFormatter={(key: string) => shortMonthName(key)} />
          <YAxis width={64} tickFormatter={tickOf(currency)} />
          {series.map(({ key, name, color }) => (
            <Bar
              key={key}
              dataKey={key}
              name={name}
              stackId="spending"
              fill={color}
              isAnimationActive={!reduceMotion}
            />
          ))}
        </BarChart>
        <p className="trend__legend">
          {series.map(({ key, name, color }) => (
            <span key={key} className="trend__legend-item">
              <span className="swatch" style={{ background: color }} /> {name}
            </span>
          ))}
        </p>
      </div>
      <details className="trend__details">
        <summary>Spending by category as a table</summary>
        {/* Twelve months side by side scroll on a phone: the keyboard can scroll it too. */}
        <div
          className="trend__scroll"
          role="region"
          aria-label="Spending by category table"
          tabIndex={0}
        >
          <table className="trend__table">
            <caption className="visually-hidden">
              Spending by category and month, {rangeName}, in {currency}
            </caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                {rows.map(({ month }) => (
                  <th key={month} scope="col">
                    {shortMonthName(month, true)}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {series.map(({ key, name, totalCents, centsByMonth }) => (
                <tr key={key}>
                  <th scope="row">{name}</th>
                  {rows.map(({ month }) => (
                    <td key={month}>{formatMoney(centsByMonth.get(month) ?? '0', currency)}</td>
                  ))}
                  <td>{formatMoney(totalCents, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
