import { errorMessageOf } from '../../../lib/api-error';
import { formatSignedMoney } from '../../../ui';
import { useTransactionTotals } from '../api/get-transaction-totals';
import type { TransactionFilters } from '../api/types';

/**
 * What a filtered list adds up to, over every page: the net (income less spending) per currency,
 * as the day headers show theirs. Amounts in different currencies are never added together.
 */
export function MatchingTotals({ filters }: { filters: TransactionFilters }) {
  const totals = useTransactionTotals(filters);
  if (totals.isError) {
    return (
      <p className="matching-totals">
        The total could not be added up: {errorMessageOf(totals.error)}
      </p>
    );
  }
  if (!totals.data) return null;
  const { currencies } = totals.data;
  const count = currencies.reduce((sum, { count }) => sum + count, 0);
  return (
    <p className="matching-totals" aria-busy={totals.isPlaceholderData || undefined}>
      {count === 1
        ? 'Total of the one matching transaction'
        : `Total of the ${count} matching transactions`}
      :{' '}
      {currencies.map(({ currency, netCents }, index) => (
        <span key={currency}>
          {index > 0 && ', '}
          <span
            className={`matching-totals__amount${netCents.startsWith('-') ? ' matching-totals__amount--negative' : ''}`}
          >
            {formatSignedMoney(netCents, currency)}
          </span>
        </span>
      ))}
    </p>
  );
}
