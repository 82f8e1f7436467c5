import { useMemo } from 'react';
import { EmptyState, ErrorState, PageHeader, Skeleton } from '../../ui';
import { AUDIT_PAGE_SIZE, useAuditLogs } from './api/audit-queries';
import { AuditFilters } from './components/AuditFilters';
import { AuditLogDialog } from './components/AuditLogDialog';
import { AuditTable } from './components/AuditTable';
import { ChainStatus } from './components/ChainStatus';
import { ExportControl } from './components/ExportControl';
import { RowsPager } from './components/RowsPager';
import { useUrlParams } from './hooks/use-url-params';
import {
  auditApiFiltersOf,
  auditFilterValuesOf,
  hasAuditFilters,
  pageOf,
} from './model/audit-filters';
import { rowOfLog } from './model/audit-rows';
import './admin-audit.css';

const VIEWS = [
  { id: 'all', label: 'All events' },
  { id: 'errors', label: 'Errors' },
] as const;

/**
 * The action log: who did what, when, from where and with what result; filters, paging, the
 * open event and the errors tab all live in the URL.
 */
export function AuditLogsPage() {
  const { params, update } = useUrlParams();
  const values = useMemo(() => auditFilterValuesOf(params), [params]);
  const filters = useMemo(() => auditApiFiltersOf(values), [values]);
  const view = params.get('view') === 'errors' ? 'errors' : 'all';
  const page = pageOf(params);
  const openId = params.get('event');
  const logs = useAuditLogs(view, filters, page);
  const rows = useMemo(() => logs.data?.items.map(rowOfLog) ?? [], [logs.data]);

  let content;
  if (logs.isError) {
    content = (
      <ErrorState
        title="The audit log could not be loaded"
        error={logs.error}
        onRetry={() => void logs.refetch()}
      />
    );
  } else if (!logs.data) {
    content = <Skeleton label="Loading the audit log" rows={6} />;
  } else if (logs.data.items.length === 0 && page === 1) {
    content = (
      <EmptyState
        title={
          view === 'errors' ? 'No failures or warnings recorded' : 'No events match these filters'
        }
      >
        {hasAuditFilters(values) && <p>Try a wider range or clear some filters.</p>}
      </EmptyState>
    );
  } else {
    content = (
      <>
        <AuditTable
          caption={view === 'errors' ? 'Failed actions, newest first' : 'Actions, newest first'}
          rows={rows}
          columns={{ ip: true, resource: true, severity: view === 'errors' }}
          onOpen={(row) => update({ event: row.id }, { keepPage: true })}
        />
        <RowsPager
          page={page}
          pageSize={AUDIT_PAGE_SIZE}
          total={logs.data.total}
          shown={logs.data.items.length}
          onPage={(next) => update({ page: next === 1 ? '' : String(next) })}
        />
      </>
    );
  }

  return (
    <section className="audit-page">
      <PageHeader title="Audit Logs">
        <ExportControl filters={() => filters} formats={['csv', 'json']} />
      </PageHeader>
      <ChainStatus />
      <div className="audit-views" role="group" aria-label="Events shown">
        {VIEWS.map((option) => (
          <button
            key={option.id}
            type="button"
            className={`button ${view === option.id ? '' : 'button--ghost'}`}
            aria-pressed={view === option.id}
            onClick={() => update({ view: option.id === 'all' ? '' : option.id })}
          >
            {option.label}
          </button>
        ))}
      </div>
      <AuditFilters values={values} onChange={(changes) => update(changes)} />
      <section aria-labelledby="audit-results" aria-busy={logs.isFetching}>
        <h2 id="audit-results" className="visually-hidden">
          {view === 'errors' ? 'Errors' : 'Events'}
        </h2>
        {content}
      </section>
      <AuditLogDialog
        id={openId}
        known={logs.data?.items.find((log) => log.id === openId)}
        onClose={() => update({ event: '' }, { keepPage: true })}
      />
    </section>
  );
}
