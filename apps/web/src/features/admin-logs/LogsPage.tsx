import { useMemo, useState } from 'react';
import { ApiError, errorMessageOf, traceIdOf } from '../../lib/api-error';
import { useAutoRefresh } from '../../lib/use-auto-refresh';
import {
  AutoRefreshToggle,
  EmptyState,
  ErrorMessage,
  ErrorReference,
  ErrorState,
  PageHeader,
  Skeleton,
} from '../../ui';
import { useLogs } from './api/get-logs';
import { ExportPanel } from './components/ExportPanel';
import { LiveTailPanel } from './components/LiveTailPanel';
import { LogDetail } from './components/LogDetail';
import { LogFilters } from './components/LogFilters';
import { LogList } from './components/LogList';
import { useLogExport } from './hooks/use-log-export';
import { useLogView } from './hooks/use-log-view';
import { logQueryOf, withFilters } from './model/log-filters';
import { formatLogTime } from './model/log-format';
import './admin-logs.css';

/** How often auto-refresh asks for the newest lines. */
export const AUTO_REFRESH_MS = 10_000;

/**
 * LogViewer (`/admin/logs`): stored lines filtered through the URL, a virtualised list paged by
 * cursor, a line's details and context, export of the filter, auto-refresh and a live tail.
 */
export function LogsPage() {
  const view = useLogView();
  const { values, refreshes, isFiltered, refresh, lineId, tab, openLine } = view;
  const logs = useLogs(values, refreshes);
  const exporter = useLogExport();
  const [autoRefresh, setAutoRefresh] = useState(false);
  const [liveTail, setLiveTail] = useState(false);
  // A new key per filter: the live tail unsubscribes, starts empty and subscribes again.
  const liveKey = withFilters(new URLSearchParams(), values).toString();

  useAutoRefresh(autoRefresh, AUTO_REFRESH_MS, refresh);

  const lines = useMemo(() => logs.data?.pages.flatMap((page) => page.items) ?? [], [logs.data]);
  const selected = useMemo(() => lines.find((line) => line.id === lineId), [lines, lineId]);

  function results() {
    if (logs.data) {
      if (lines.length === 0) {
        return isFiltered ? (
          <EmptyState title="No lines match these filters">
            <button type="button" className="button" onClick={view.clearFilters}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState title="No log lines stored yet">
            <p>Lines from the API and from browsers appear here as they are stored.</p>
          </EmptyState>
        );
      }
      return (
        <div aria-busy={logs.isPlaceholderData || logs.isRefetching || undefined}>
          {logs.isRefetchError && (
            <p className="log-notice" role="alert">
              The lines could not be refreshed ({errorMessageOf(logs.error)}); showing what was
              loaded. <ErrorReference traceId={traceIdOf(logs.error)} />
            </p>
          )}
          {logs.isFetchNextPageError && (
            <p className="log-notice" role="alert">
              Older lines could not be loaded: <ErrorMessage error={logs.error} />
            </p>
          )}
          <LogList
            lines={lines}
            selectedId={lineId}
            hasMore={logs.hasNextPage}
            loadingMore={logs.isFetchingNextPage}
            loadMoreFailed={logs.isFetchNextPageError}
            onLoadMore={() => void logs.fetchNextPage()}
            onOpen={(id) => openLine(id)}
            onContext={(id) => openLine(id, 'context')}
          />
        </div>
      );
    }
    if (logs.isError) {
      return (
        <ErrorState
          title="Log lines could not be loaded"
          error={logs.error}
          onRetry={() => void logs.refetch()}
        />
      );
    }
    return <Skeleton label="Loading log lines" rows={8} />;
  }

  return (
    <div className="logs-page">
      <PageHeader title="Logs">
        <div className="logs-page__refresh">
          <AutoRefreshToggle
            checked={autoRefresh}
            intervalMs={AUTO_REFRESH_MS}
            onChange={setAutoRefresh}
          />
          <label className="logs-page__toggle">
            <input
              type="checkbox"
              checked={liveTail}
              onChange={(event) => setLiveTail(event.target.checked)}
            />
            Live tail
          </label>
          <button type="button" className="button button--ghost" onClick={refresh}>
            Refresh
          </button>
          {logs.dataUpdatedAt > 0 && (
            <span className="logs-page__updated">
              Updated {formatLogTime(new Date(logs.dataUpdatedAt).toISOString())}
            </span>
          )}
        </div>
      </PageHeader>
      <LogFilters
        values={values}
        isFiltered={isFiltered}
        listError={logs.error instanceof ApiError ? logs.error : null}
        onChange={view.setFilters}
        onClear={view.clearFilters}
      />
      <ExportPanel
        state={exporter.state}
        onStart={(format) => void exporter.start(logQueryOf(values, Date.now()), format)}
        onCancel={exporter.cancel}
      />
      {liveTail && (
        <LiveTailPanel
          key={liveKey}
          values={values}
          onTrace={(traceId) => view.setFilters({ traceId })}
        />
      )}
      <div className={`logs-page__body${lineId ? ' logs-page__body--with-detail' : ''}`}>
        <div className="logs-page__results">{results()}</div>
        {lineId && (
          <LogDetail
            key={lineId}
            id={lineId}
            loaded={selected}
            tab={tab}
            onTab={(next) => openLine(lineId, next)}
            onOpen={(id) => openLine(id)}
            onClose={() => openLine(null)}
          />
        )}
      </div>
    </div>
  );
}
