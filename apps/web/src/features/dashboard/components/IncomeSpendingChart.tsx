import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { formatSettings } from '../../../lib/format-settings';
import { useWidth } from '../../admin-performance';
import { formatMoney, formatSignedMoney } from '../../../ui';
import { shortMonthName } from '../month';
import type { IncomeSpendingRow } from '../over-time';

const HEIGHT = 220;
const INCOME = '#16a34a';
const SPENDING = '#f97316';
const reduceMotion =
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** "€1.2K": an axis tick, short, in the user's number format. */
export const tickOf = (currency: string) => (value: number) =>
  new Intl.NumberFormat(formatSettings().numberLocale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);

/**
 * Income beside spending for each month in one currency. The bars are decoration for sighted
 * readers (hidden from assistive technology); the table under them, opened on demand, holds the
 * same exact figures for everyone.
 */
export function IncomeSpendingChart({
  rows,
  currency,
  rangeName,
}: {
  rows: IncomeSpendingRow[];
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
          <Bar dataKey="income" name="Income" fill={INCOME} isAnimationActive={!reduceMotion} />
          <Bar
            dataKey="spending"
            name="Spending"
            fill={SPENDING}
            isAnimationActive={!reduceMotion}
          />
        </BarChart>
        <p className="trend__legend">
          <span className="trend__legend-item">
            <span className="swatch" style={{ background: INCOME }} /> Income
          </span>
          <span className="trend__legend-item">
            <span className="swatch" style={{ background: SPENDING }} /> Spending
          </span>
        </p>
      </div>
      <details className="trend__details">
        <summary>Income and spending as a table</summary>
        {/* Four amounts side by side scroll on a narrow phone: the keyboard can scroll them too. */}
        <div
          className="trend__scroll"
          role="region"
          aria-label="Income and spending table"
          tabIndex={0}
        >
          <table className="trend__table">
            <caption className="visually-hidden">
              Income and spending by month, {rangeName}, in {currency}
            </caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Income</th>
                <th scope="col">Spending</th>
                <th scope="col">Net</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{shortMonthName(row.month, true)}</th>
                  <td>{formatMoney(row.incomeCents, currency)}</td>
                  <td>{formatMoney(row.spendingCents, currency)}</td>
                  <td>{formatSignedMoney(row.netCents, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
