import { useEffect, useId, useRef, useState } from 'react';
import type { Category, Transaction } from '../api/types';
import { formatSignedMoney } from '../../../ui';
import { isEntry, signedCents } from '../model/money';
import { CategoryChip } from './CategoryChip';
import { LedgerLabel } from './LedgerLabel';
import { TransactionDetails } from './TransactionDetails';

export interface TransactionActions {
  onEdit: (transaction: Transaction) => void;
  onDelete: (transaction: Transaction) => void;
  /** Called once the transaction a link asked to open is open and focused. */
  onOpened: () => void;
}

interface Props extends TransactionActions {
  transaction: Transaction;
  categories: readonly Category[];
  /** Created in another tab or device a moment ago. */
  isNew: boolean;
  /** A link asked for this one: it starts open, with focus on it. */
  opened: boolean;
}

/** A transaction as a row that opens to its details. */
export function TransactionItem({
  transaction,
  categories,
  isNew,
  opened,
  onEdit,
  onDelete,
  onOpened,
}: Props) {
  const [expanded, setExpanded] = useState(opened);
  const row = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!opened) return;
    row.current?.focus();
    onOpened();
  }, [opened, onOpened]);
  const detailsId = useId();
  const { description, category, amountCents, type, currency } = transaction;
  return (
    <li className="transaction">
      <button
        ref={row}
        type="button"
        className="transaction__row"
        aria-expanded={expanded}
        aria-controls={expanded ? detailsId : undefined}
        onClick={() => setExpanded((open) => !open)}
      >
        <span className="transaction__description">
          {description}
          {isNew && <span className="transaction__badge">New</span>}
        </span>
        {isEntry(type) ? (
          <CategoryChip category={category} />
        ) : (
          <LedgerLabel transaction={transaction} />
        )}
        <span className={`transaction__amount transaction__amount--${type}`}>
          {formatSignedMoney(signedCents(amountCents, type), currency)}
        </span>
      </button>
      {expanded && (
        <TransactionDetails
          id={detailsId}
          transaction={transaction}
          categories={categories}
          onEdit={isEntry(type) ? () => onEdit(transaction) : undefined}
          onDelete={() => onDelete(transaction)}
        />
      )}
    </li>
  );
}
