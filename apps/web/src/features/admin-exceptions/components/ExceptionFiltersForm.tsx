import { EXCEPTION_STATUSES, LOG_SOURCES } from '@ledgerlens/contracts';
import { type KeyboardEvent, useState } from 'react';
import { isoOfLocalInput, localInputOf, SelectField, TextField } from '../../../ui';
import { type ExceptionFilters, RANGES, type RangeKey } from '../exception-filters';

const STATUS_LABELS = { unresolved: 'Unresolved', resolved: 'Resolved', ignored: 'Ignored' };
const SOURCE_LABELS = { backend: 'API (backend)', frontend: 'Browser (frontend)' };
const SORTS = {
  'lastSeen:desc': 'Last seen, newest first',
  'lastSeen:asc': 'Last seen, oldest first',
  'firstSeen:desc': 'First seen, newest first',
  'firstSeen:asc': 'First seen, oldest first',
  'count:desc': 'Most occurrences first',
  'count:asc': 'Fewest occurrences first',
} as const;

/**
 * The list's filters. Choices apply at once; the two text fields apply on Enter or "Search",
 * so typing does not send a request per key. Every change goes back to page 1.
 */
export function ExceptionFiltersForm({
  filters,
  onChange,
}: {
  filters: ExceptionFilters;
  onChange: (filters: ExceptionFilters) => void;
}) {
  const apply = (changes: Partial<ExceptionFilters>) =>
    onChange({ ...filters, ...changes, page: 1 });

  const [typed, setTyped] = useState({ q: filters.q ?? '', type: filters.type ?? '' });
  // Typed text follows the URL when it changes elsewhere (back button, a link).
  const [shown, setShown] = useState({ q: filters.q, type: filters.type });
  if (shown.q !== filters.q || shown.type !== filters.type) {
    setShown({ q: filters.q, type: filters.type });
    setTyped({ q: filters.q ?? '', type: filters.type ?? '' });
  }
  const search = () =>
    apply({ q: typed.q.trim() || undefined, type: typed.type.trim() || undefined });
  /*
   * Enter searches from the keyboard handler rather than a submit event: the URL change then
   * happens outside the form's own submit handling (which React 19 turns into a form action).
   */
  const searchOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    search();
  };

  return (
    <form
      role="search"
      aria-label="Filter exception groups"
      className="exception-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <TextField
        label="Text"
        name="q"
        type="search"
        value={typed.q}
        onChange={(event) => setTyped((current) => ({ ...current, q: event.target.value }))}
        onKeyDown={searchOnEnter}
        hint="In the title, type or culprit"
        maxLength={200}
      />
      <TextField
        label="Type"
        name="type"
        value={typed.type}
        onChange={(event) => setTyped((current) => ({ ...current, type: event.target.value }))}
        onKeyDown={searchOnEnter}
        hint="Exact, such as TypeError"
        maxLength={255}
      />
      <div className="exception-filters__submit">
        <button type="button" className="button" onClick={search}>
          Search
        </button>
      </div>
      <SelectField
        label="Status"
        value={filters.status ?? ''}
        onChange={(event) =>
          apply({ status: (event.target.value || undefined) as ExceptionFilters['status'] })
        }
      >
        <option value="">Any status</option>
        {EXCEPTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Source"
        value={filters.source ?? ''}
        onChange={(event) =>
          apply({ source: (event.target.value || undefined) as ExceptionFilters['source'] })
        }
      >
        <option value="">API and browser</option>
        {LOG_SOURCES.map((source) => (
          <option key={source} value={source}>
            {SOURCE_LABELS[source]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Occurred"
        value={filters.range ?? ''}
        onChange={(event) =>
          apply({ range: (event.target.value || undefined) as ExceptionFilters['range'] })
        }
      >
        <option value="">Any time</option>
        {(Object.keys(RANGES) as RangeKey[]).map((range) => (
          <option key={range} value={range}>
            {RANGES[range].label}
          </option>
        ))}
        <option value="custom">Custom range</option>
      </SelectField>
      {filters.range === 'custom' && (
        <>
          <TextField
            label="From (your time)"
            type="datetime-local"
            value={localInputOf(filters.from ?? '')}
            onChange={(event) => apply({ from: isoOfLocalInput(event.target.value) || undefined })}
          />
          <TextField
            label="To (your time)"
            type="datetime-local"
            value={localInputOf(filters.to ?? '')}
            onChange={(event) => apply({ to: isoOfLocalInput(event.target.value) || undefined })}
          />
        </>
      )}
      <SelectField
        label="Sort"
        value={`${filters.sort}:${filters.order}`}
        onChange={(event) => {
          const [sort, order] = event.target.value.split(':') as [
            ExceptionFilters['sort'],
            ExceptionFilters['order'],
          ];
          apply({ sort, order });
        }}
      >
        {Object.entries(SORTS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
    </form>
  );
}
