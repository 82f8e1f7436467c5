import { formatMoney } from '../../../ui';
import type { Account } from '../../../entities/accounts';
import { totalsByCurrency } from '../account-text';

/** The accounts' balances added up per currency, never across currencies. */
export function CurrencyTotals({ accounts }: { accounts: readonly Account[] }) {
  return (
    <dl className="account-totals">
      {totalsByCurrency(accounts).map(({ currency, cents }) => (
        <div key={currency} className="account-totals__item">
          <dt>Total in {currency}</dt>
          <dd className={cents < 0n ? 'account-balance--negative' : undefined}>
            {formatMoney(cents, currency)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
