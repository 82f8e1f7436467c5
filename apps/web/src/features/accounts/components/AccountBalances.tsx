import { useId } from 'react';
import { Link } from 'react-router';
import { useAccounts } from '../../../entities/accounts';
import { ErrorState, formatMoney, Skeleton } from '../../../ui';
import { accountTransactionsUrl } from '../account-text';
import { CurrencyTotals } from './CurrencyTotals';
import '../accounts.css';

/**
 * The open accounts' balances and their totals per currency, for the dashboard; each name
 * opens the account's transactions.
 */
export function AccountBalances() {
  const accounts = useAccounts();
  const titleId = useId();
  let content;
  if (accounts.error) {
    content = (
      <ErrorState
        title="Balances could not be loaded"
        error={accounts.error}
        onRetry={() => void accounts.refetch()}
      />
    );
  } else if (!accounts.data) {
    content = <Skeleton label="Loading balances" rows={3} />;
  } else {
    const open = accounts.data.filter(({ archived }) => !archived);
    content =
      open.length === 0 ? (
        <p>
          No open accounts. <Link to="/accounts">Add an account</Link>
        </p>
      ) : (
        <>
          <ul className="account-balances__list">
            {open.map((account) => (
              <li key={account.id} className="account-balances__item">
                <Link to={accountTransactionsUrl(account.id)}>{account.name}</Link>
                <span
                  className={
                    BigInt(account.balanceCents) < 0n ? 'account-balance--negative' : undefined
                  }
                >
                  {formatMoney(account.balanceCents, account.currency)}
                </span>
              </li>
            ))}
          </ul>
          <CurrencyTotals accounts={open} />
        </>
      );
  }
  return (
    <section className="account-balances" aria-labelledby={titleId}>
      <h2 id={titleId}>Account balances</h2>
      {content}
    </section>
  );
}
