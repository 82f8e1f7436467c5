import { formatMoney, formatSignedMoney } from '../../../ui';
import type { CurrencyTotals } from '../month-summary';

/** Spending and income are amounts; the net is signed, as the transactions list signs money. */
const CARDS: {
  title: string;
  amount: (totals: CurrencyTotals) => string;
  signed?: boolean;
}[] = [
  { title: 'Spending', amount: (totals) => totals.spendingCents },
  { title: 'Income', amount: (totals) => totals.incomeCents },
  { title: 'Net', amount: (totals) => totals.netCents, signed: true },
];

/** Sums are exact decimal strings: a leading minus is a loss. */
const toneOf = (cents: string) => (cents.startsWith('-') ? 'negative' : 'positive');

/** Spending, income and net of the month, one line per currency used. */
export function MonthTotals({ totals }: { totals: CurrencyTotals[] }) {
  return (
    <ul className="total-cards">
      {CARDS.map(({ title, amount, signed }) => (
        <li key={title} className="total-card">
          <h3>{title}</h3>
          {totals.map((currencyTotals) => (
            <p
              key={currencyTotals.currency}
              className={`total-card__amount${signed ? ` total-card__amount--${toneOf(amount(currencyTotals))}` : ''}`}
            >
              {(signed ? formatSignedMoney : formatMoney)(
                amount(currencyTotals),
                currencyTotals.currency,
              )}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}
