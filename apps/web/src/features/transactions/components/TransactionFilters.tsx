import { useId, useState } from 'react';
import { DebouncedTextField, SelectField, TextField } from '../../../ui';
import type { ApiError } from '../../../lib/api-error';
import { refusalOf } from '../../../lib/field-errors';
import type { Account } from '../../../entities/accounts';
import type { Category } from '../api/types';
import {
  FILTER_FIELDS,
  type FilterErrors,
  type FilterParam,
  type FilterValues,
} from '../model/transaction-filters';
import type { CalendarSettings } from '../model/quick-ranges';
import { CategoryOptions } from './CategoryOptions';
import { QuickDateRanges } from './QuickDateRanges';

interface Props {
  values: FilterValues;
  /** What is wrong with the values, found here before anything is sent. */
  errors: FilterErrors;
  isFiltered: boolean;
  categories: readonly Category[];
  accounts: readonly Account[];
  /** The user's time zone and first day of the week, for the quick date ranges. */
  calendar: CalendarSettings;
  /** The list's last refusal, whose field messages belong next to these filters. */
  listError: ApiError | null;
  onChange: (changes: Partial<FilterValues>) => void;
  onClear: () => void;
}

/** Filters besides the search, folded away on phones until asked for (or in use). */
const MORE_FILTERS: readonly FilterParam[] = [
  'from',
  'to',
  'accountId',
  'category',
  'type',
  'min',
  'max',
];

/**
 * Search, dates (or a quick range of them), category, type and amount range; each applies as
 * soon as it is set. On a phone only the search shows until "More filters" is pressed, to leave
 * room for the list.
 */
export function TransactionFilters({
  values,
  errors,
  isFiltered,
  categories,
  accounts,
  calendar,
  listError,
  onChange,
  onClear,
}: Props) {
  const set = (name: FilterParam, value: string) => onChange({ [name]: value });
  // The API's messages for filters are worded after their labels ("Search must be shorter…").
  const refused = listError ? refusalOf(listError, FILTER_FIELDS).fields : {};
  const messageOf = (name: FilterParam) => errors[name] ?? refused[name];
  const [moreShown, setMoreShown] = useState(() => MORE_FILTERS.some((name) => values[name]));
  const moreId = useId();
  return (
    <form
      className="transaction-filters"
      role="search"
      aria-label="Filter transactions"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="transaction-filters__search">
        <DebouncedTextField
          label="Search"
          type="search"
          placeholder="Description or notes contain…"
          value={values.q}
          error={messageOf('q')}
          onCommit={(value) => set('q', value)}
        />
        {isFiltered && (
          <button type="button" className="button button--ghost" onClick={onClear}>
            Clear filters
          </button>
        )}
        <button
          type="button"
          className="button button--ghost transaction-filters__more-toggle"
          aria-expanded={moreShown}
          aria-controls={moreId}
          onClick={() => setMoreShown((shown) => !shown)}
        >
          {moreShown ? 'Fewer filters' : 'More filters'}
        </button>
      </div>
      <div
        id={moreId}
        className={`transaction-filters__more${moreShown ? ' transaction-filters__more--shown' : ''}`}
      >
        <QuickDateRanges from={values.from} to={values.to} calendar={calendar} onPick={onChange} />
        <TextField
          label="From"
          type="date"
          value={values.from}
          max={values.to || undefined}
          error={messageOf('from')}
          onChange={(event) => set('from', event.target.value)}
        />
        <TextField
          label="To"
          type="date"
          value={values.to}
          min={values.from || undefined}
          error={messageOf('to')}
          onChange={(event) => set('to', event.target.value)}
        />
        <SelectField
          label="Account"
          value={values.accountId}
          error={messageOf('accountId')}
          onChange={(event) => set('accountId', event.target.value)}
        >
          <option value="">All accounts</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
              {account.archived ? ' (archived)' : ''}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Category"
          value={values.category}
          error={messageOf('category')}
          onChange={(event) => set('category', event.target.value)}
        >
          <option value="">All categories</option>
          <CategoryOptions categories={categories} />
        </SelectField>
        <SelectField
          label="Type"
          value={values.type}
          onChange={(event) => set('type', event.target.value)}
        >
          <option value="">All types</option>
          <option value="expense">Expenses</option>
          <option value="income">Income</option>
        </SelectField>
        <DebouncedTextField
          label="Min amount"
          inputMode="decimal"
          placeholder="0.00"
          value={values.min}
          error={messageOf('min')}
          onCommit={(value) => set('min', value)}
        />
        <DebouncedTextField
          label="Max amount"
          inputMode="decimal"
          placeholder="0.00"
          value={values.max}
          error={messageOf('max')}
          onCommit={(value) => set('max', value)}
        />
      </div>
    </form>
  );
}
