import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorState, formatDay, formatSignedMoney, Skeleton } from '../../../ui';
import { RECENT_COUNT, type Transaction } from '../api/get-recent-transactions';
import { transactionUrl } from '../../transactions';
import { UNCATEGORISED } from '../month-summary';

/** "−€12.50" for money out, "+€1,200.00" for money in. */
const signedAmount = ({ type, amountCents, currency }: Transaction): string =>
  formatSignedMoney(type === 'expense' ? -amountCents : amountCents, currency);

function RecentItem({ transaction, isNew }: { transaction: Transaction; isNew: boolean }) {
  const category = transaction.category ?? UNCATEGORISED;
  return (
    <li className={`recent-item${isNew ? ' recent-item--new' : ''}`}>
      <Link className="recent-item__link" to={transactionUrl(transaction.id)}>
        <span className="swatch" style={{ background: category.color }} aria-hidden="true" />
        <span className="recent-item__what">
          <span className="recent-item__description">
            {transaction.description}
            {isNew && <span className="badge-new">New</span>}
          </span>
          <span className="recent-item__meta">
            {category.name} · {formatDay(transaction.occurredOn)}
          </span>
        </span>
        <span className={`recent-item__amount recent-item__amount--${transaction.type}`}>
          {signedAmount(transaction)}
        </span>
      </Link>
    </li>
  );
}

interface RecentProps {
  recent: UseQueryResult<{ items: Transaction[] }>;
  newIds: ReadonlySet<string>;
  /** The section's title: "Recent transactions", or the chosen month's. */
  title: string;
  /** What an empty list says. */
  emptyText: string;
}

function RecentList({ recent, newIds, title, emptyText }: RecentProps) {
  if (recent.isPending) {
    return (
      <div className="recent-placeholder">
        <Skeleton
          label={`Loading ${title.charAt(0).toLowerCase()}${title.slice(1)}`}
          rows={RECENT_COUNT}
        />
      </div>
    );
  }
  if (recent.isError) {
    return (
      <ErrorState
        title={`${title} could not be loaded`}
        error={recent.error}
        onRetry={() => void recent.refetch()}
      />
    );
  }
  if (recent.data.items.length === 0) return <p>{emptyText}</p>;
  return (
    <ul className="recent-list">
      {recent.data.items.map((transaction) => (
        <RecentItem
          key={transaction.id}
          transaction={transaction}
          isNew={newIds.has(transaction.id)}
        />
      ))}
    </ul>
  );
}

/**
 * The latest transactions (of the chosen month, for a past one), each opening on the
 * transactions page; those created while the page is open carry a "New" badge.
 */
export function RecentTransactions(props: RecentProps) {
  return (
    <section className="dashboard__panel" aria-labelledby="dashboard-recent">
      <div className="dashboard__panel-head">
        <h2 id="dashboard-recent">{props.title}</h2>
        <Link to="/transactions">See all</Link>
      </div>
      <RecentList {...props} />
    </section>
  );
}
