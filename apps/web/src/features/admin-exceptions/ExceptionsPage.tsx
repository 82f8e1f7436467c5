import { Link, useSearchParams } from 'react-router';
import { useAutoRefresh } from '../../lib/use-auto-refresh';
import { AutoRefreshToggle, EmptyState, ErrorState, PageHeader, Skeleton } from '../../ui';
import { useExceptionGroups } from './api/get-exception-groups';
import { ExceptionFiltersForm } from './components/ExceptionFiltersForm';
import { ExceptionGroupTable } from './components/ExceptionGroupTable';
import { CountedPager } from './components/CountedPager';
import { PatternsView } from './components/PatternsView';
import {
  type ExceptionFilters,
  filtersFromParams,
  filtersToParams,
  type RangeKey,
} from './exception-filters';
import './admin-exceptions.css';

type View = 'groups' | 'patterns';

/** Links between the two views; the URL keeps which one is open, like every filter. */
function ViewSwitch({ view, params }: { view: View; params: URLSearchParams }) {
  const linkTo = (target: View) => {
    const next = new URLSearchParams(params);
    if (target === 'groups') next.delete('view');
    else next.set('view', target);
    next.delete('page');
    const search = next.toString();
    return { search: search ? `?${search}` : '' };
  };
  return (
    <nav aria-label="Exception views" className="exception-views">
      {(['groups', 'patterns'] as const).map((target) => (
        <Link
          key={target}
          to={linkTo(target)}
          className="exception-views__link"
          aria-current={view === target ? 'page' : undefined}
        >
          {target === 'groups' ? 'Groups' : 'Patterns'}
        </Link>
      ))}
    </nav>
  );
}

/** How often auto-refresh reads the list again. */
export const EXCEPTIONS_REFRESH_MS = 30_000;

function GroupsView({
  filters,
  onChange,
  autoRefresh,
  onAutoRefresh,
}: {
  filters: ExceptionFilters;
  onChange: (filters: ExceptionFilters) => void;
  autoRefresh: boolean;
  onAutoRefresh: (on: boolean) => void;
}) {
  const groups = useExceptionGroups(filters);
  useAutoRefresh(autoRefresh, EXCEPTIONS_REFRESH_MS, () => void groups.refetch());
  const filtered = Boolean(
    filters.q || filters.type || filters.status || filters.source || filters.range,
  );
  let content;
  if (groups.error) {
    content = (
      <ErrorState
        title="Exception groups could not be loaded"
        error={groups.error}
        onRetry={() => void groups.refetch()}
      />
    );
  } else if (!groups.data) {
    content = <Skeleton label="Loading exception groups" rows={6} />;
  } else if (groups.data.items.length === 0 && groups.data.total === 0) {
    content = filtered ? (
      <EmptyState title="No exception groups match these filters">
        <Link to="/admin/exceptions">Clear the filters</Link>
      </EmptyState>
    ) : (
      <EmptyState title="No exceptions recorded">
        <p>Errors thrown by the API or in browsers will be grouped here as they happen.</p>
      </EmptyState>
    );
  } else {
    const { items, total, page, limit } = groups.data;
    content = (
      <div aria-busy={groups.isPlaceholderData || undefined}>
        <ExceptionGroupTable groups={items} filters={filters} />
        <CountedPager
          page={page}
          limit={limit}
          total={total}
          noun={total === 1 ? 'group' : 'groups'}
          onPage={(next) => onChange({ ...filters, page: next })}
        />
      </div>
    );
  }
  return (
    <section aria-labelledby="exception-groups">
      <h2 id="exception-groups" className="visually-hidden">
        Groups
      </h2>
      <ExceptionFiltersForm filters={filters} onChange={onChange} />
      <AutoRefreshToggle
        checked={autoRefresh}
        intervalMs={EXCEPTIONS_REFRESH_MS}
        onChange={onAutoRefresh}
      />
      {content}
    </section>
  );
}

/**
 * ExceptionTracker (`/admin/exceptions`): exception groups with filters, sort and pages, and a
 * patterns view (`?view=patterns`); every choice is in the URL.
 */
export function ExceptionsPage() {
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'patterns' ? 'patterns' : 'groups';
  const filters = filtersFromParams(params);
  return (
    <section className="exceptions-page">
      <PageHeader title="Exceptions" />
      <ViewSwitch view={view} params={params} />
      {view === 'groups' ? (
        <GroupsView
          filters={filters}
          onChange={(next) => setParams((current) => filtersToParams(next, current))}
          autoRefresh={params.get('refresh') === 'on'}
          onAutoRefresh={(on) =>
            setParams((current) => {
              const next = new URLSearchParams(current);
              if (on) next.set('refresh', 'on');
              else next.delete('refresh');
              return next;
            })
          }
        />
      ) : (
        <PatternsView
          range={filters.range && filters.range !== 'custom' ? filters.range : '24h'}
          onRange={(range: RangeKey) =>
            setParams((current) => filtersToParams({ ...filters, range }, current))
          }
        />
      )}
    </section>
  );
}
