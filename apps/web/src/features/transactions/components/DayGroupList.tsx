import { useId, useState } from 'react';
import { formatDay } from '../../../ui';
import type { Category } from '../api/types';
import type { DayGroup } from '../model/group-by-day';
import { formatSignedMoney } from '../../../ui';
import { type TransactionActions, TransactionItem } from './TransactionItem';

interface Props extends TransactionActions {
  groups: readonly DayGroup[];
  categories: readonly Category[];
  newIds: ReadonlySet<string>;
  /** The transaction a link asked to open, if any. */
  openedId: string | null;
  /** More pages to load: the last day may have more transactions than shown. */
  lastDayIncomplete: boolean;
}

/**
 * Days newest first, every one open, so all that is loaded (or matches the filters) shows
 * without a click. What the user closes or opens again is remembered per day.
 */
export function DayGroupList({ groups, lastDayIncomplete, ...shared }: Props) {
  const [openByChoice, setOpenByChoice] = useState<ReadonlyMap<string, boolean>>(new Map());
  return (
    <div className="day-groups">
      {groups.map((group, index) => {
        const open = openByChoice.get(group.day) ?? true;
        return (
          <DaySection
            key={group.day}
            group={group}
            open={open}
            incomplete={lastDayIncomplete && index === groups.length - 1}
            onToggle={() => setOpenByChoice((choices) => new Map(choices).set(group.day, !open))}
            {...shared}
          />
        );
      })}
    </div>
  );
}

interface DaySectionProps extends Omit<Props, 'groups' | 'lastDayIncomplete'> {
  group: DayGroup;
  open: boolean;
  incomplete: boolean;
  onToggle: () => void;
}

function DaySection({
  group,
  open,
  incomplete,
  onToggle,
  newIds,
  openedId,
  ...itemProps
}: DaySectionProps) {
  const listId = useId();
  const count = group.transactions.length;
  return (
    <section className="day-group">
      <h2 className="day-group__heading">
        <button
          type="button"
          className="day-group__toggle"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          onClick={onToggle}
        >
          <span className="day-group__chevron" aria-hidden>
            {open ? '▾' : '▸'}
          </span>
          <span className="day-group__date">{formatDay(group.day, { dateStyle: 'full' })}</span>
          <span className="day-group__count">
            {count} {count === 1 ? 'transaction' : 'transactions'}
            {incomplete && ' so far'}
          </span>
          <span className="day-group__totals">
            {group.totals.map(({ currency, cents }) => (
              <span
                key={currency}
                className={`day-group__total${cents < 0 ? ' day-group__total--negative' : ''}`}
              >
                {formatSignedMoney(cents, currency)}
              </span>
            ))}
          </span>
        </button>
      </h2>
      {open && (
        <ul id={listId} className="day-group__items">
          {group.transactions.map((transaction) => (
            <TransactionItem
              key={transaction.id}
              transaction={transaction}
              isNew={newIds.has(transaction.id)}
              opened={transaction.id === openedId}
              {...itemProps}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
