import { useMemo } from 'react';
import { EmptyState, ErrorState, PageHeader, Skeleton } from '../../ui';
import { useAuditEvents } from './api/audit-queries';
import { AuditLogDialog } from './components/AuditLogDialog';
import { AuditTable } from './components/AuditTable';
import { EventFilters } from './components/EventFilters';
import { ExportControl } from './components/ExportControl';
import { RowsPager } from './components/RowsPager';
import { LocalTime } from '../../ui';
import { useUrlParams } from './hooks/use-url-params';
import { pageOf } from './model/audit-filters';
import { rowOfEvent } from './model/audit-rows';
import {
  eventFilterValuesOf,
  eventsExportFiltersOf,
  eventsQueryOf,
  hasEventFilters,
} from './model/event-filters';
import './admin-audit.css';

export const EVENTS_PAGE_SIZE = 50;
/** How often auto-refresh re-reads the events. */
export const EVENTS_REFRESH_MS = 30_000;

/**
 * Every operation of the platform, the last 7 days by default, through the Events contract.
 * These are the action log's events seen by operation: the detail opens the action log's own
 * record for its duration and user agent. Auto-refresh is on unless the URL says `refresh=off`.
 */
export function EventsPage() {
  const { params, update } = useUrlParams();
  const values = useMemo(() => eventFilterValuesOf(params), [params]);
  const page = pageOf(params);
  const query = useMemo(() => eventsQueryOf(values, page, EVENTS_PAGE_SIZE), [values, page]);
  const autoRefresh = params.get('refresh') !== 'off';
  const events = useAuditEvents(query, autoRefresh ? EVENTS_REFRESH_MS : false);
  const rows = useMemo(() => events.data?.events.map(rowOfEvent) ?? [], [events.data]);
  const openId = params.get('event');

  let content;
  if (events.isError) {
    content = (
      <ErrorState
        title="The events could not be loaded"
        error={events.error}
        onRetry={() => void events.refetch()}
      />
    );
  } else if (!events.data) {
    content = <Skeleton label="Loading the events" rows={6} />;
  } else if (events.data.events.length === 0 && page === 1) {
    content = (
      <EmptyState title="No events in this range">
        {hasEventFilters(values) && <p>Try a wider range or clear some filters.</p>}
      </EmptyState>
    );
  } else {
    content = (
      <>
        <AuditTable
          caption="Events, newest first"
          rows={rows}
          columns={{ source: true }}
          onOpen={(row) => update({ event: row.id }, { keepPage: true })}
        />
        <RowsPager
          page={page}
          pageSize={EVENTS_PAGE_SIZE}
          total={events.data.total}
          shown={events.data.events.length}
          onPage={(next) => update({ page: next === 1 ? '' : String(next) })}
        />
      </>
    );
  }

  return (
    <section className="audit-page">
      <PageHeader title="Events">
        <ExportControl
          filters={() => eventsExportFiltersOf(values, new Date())}
          formats={['csv']}
        />
      </PageHeader>
      <div className="audit-toolbar">
        <p className="audit-range">
          {events.data ? (
            <>
              From <LocalTime iso={events.data.start_date} /> to{' '}
              <LocalTime iso={events.data.end_date} />
              {!values.from && !values.to && ' (the last 7 days)'}
            </>
          ) : (
            'The last 7 days'
          )}
        </p>
        <label className="audit-refresh">
          <input
            type="checkbox"
            checked={autoRefresh}
            onChange={(event) =>
              update({ refresh: event.target.checked ? '' : 'off' }, { keepPage: true })
            }
          />{' '}
          Auto-refresh every {EVENTS_REFRESH_MS / 1000} s
        </label>
        {events.dataUpdatedAt > 0 && (
          <p className="text-muted" aria-live="polite">
            Updated <LocalTime iso={new Date(events.dataUpdatedAt).toISOString()} />
          </p>
        )}
      </div>
      <EventFilters values={values} onChange={(changes) => update(changes)} />
      <section aria-labelledby="events-results" aria-busy={events.isFetching}>
        <h2 id="events-results" className="visually-hidden">
          Events
        </h2>
        {content}
      </section>
      <AuditLogDialog
        id={openId}
        metadataTitle="Extra info"
        onClose={() => update({ event: '' }, { keepPage: true })}
      />
    </section>
  );
}
