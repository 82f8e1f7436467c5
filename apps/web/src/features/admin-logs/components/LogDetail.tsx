import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { ErrorState, Skeleton } from '../../../ui';
import { useLogLine } from '../api/get-log';
import type { LogEntry } from '../api/types';
import type { DetailTab } from '../hooks/use-log-view';
import { traceLink } from '../model/log-filters';
import { formatLogTime, SOURCE_LABELS, utcTitleOf } from '../model/log-format';
import { LevelBadge } from './LevelBadge';
import { LogContextView } from './LogContextView';

interface Props {
  id: string;
  /** The line as the list loaded it, if it did. */
  loaded: LogEntry | undefined;
  tab: DetailTab;
  onTab: (tab: DetailTab) => void;
  onOpen: (id: string) => void;
  onClose: () => void;
}

/** The open line: every field and the raw JSON, or its context (the lines around, its trace). */
export function LogDetail({ id, loaded, tab, onTab, onOpen, onClose }: Props) {
  const headingId = useId();
  const line = useLogLine(id, loaded);
  return (
    <aside className="log-detail" aria-labelledby={headingId}>
      <header className="log-detail__header">
        <h2 id={headingId}>Log line {id}</h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="log-detail__tabs" role="group" aria-label="Show">
        <button
          type="button"
          className="button button--ghost"
          aria-pressed={tab === 'details'}
          onClick={() => onTab('details')}
        >
          Details
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-pressed={tab === 'context'}
          onClick={() => onTab('context')}
        >
          View in context
        </button>
      </div>
      {tab === 'context' ? (
        <LogContextView id={id} onOpen={onOpen} />
      ) : line.data ? (
        <LogFields line={line.data} />
      ) : line.isError ? (
        <ErrorState
          title="This line could not be loaded"
          error={line.error}
          onRetry={() => void line.refetch()}
        />
      ) : (
        <Skeleton label="Loading the line" rows={6} />
      )}
    </aside>
  );
}

const none = <span className="log-detail__none">none</span>;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function LogFields({ line }: { line: LogEntry }) {
  const extra = Object.keys(line.extra).length > 0;
  return (
    <div className="log-detail__body">
      <p className="log-detail__message">{line.message}</p>
      <dl className="log-detail__fields">
        <Field label="Time">
          <time dateTime={line.timestamp} title={utcTitleOf(line.timestamp)}>
            {formatLogTime(line.timestamp)}
          </time>{' '}
          <span className="log-detail__utc">({utcTitleOf(line.timestamp)})</span>
        </Field>
        <Field label="Level">
          <LevelBadge level={line.level} /> (severity {line.severityNumber})
        </Field>
        <Field label="Source">
          {SOURCE_LABELS[line.source]} ({line.source})
        </Field>
        <Field label="Module">{line.module ?? none}</Field>
        <Field label="Trace ID">
          {line.traceId ? (
            <Link to={traceLink(line.traceId)} title="Show every line of this trace">
              <code>{line.traceId}</code>
            </Link>
          ) : (
            none
          )}
        </Field>
        <Field label="User ID">{line.userId ? <code>{line.userId}</code> : none}</Field>
        <Field label="Request">
          {line.requestMethod || line.requestPath ? (
            <code>
              {line.requestMethod} {line.requestPath}
            </code>
          ) : (
            none
          )}
        </Field>
        <Field label="Status">{line.statusCode ?? none}</Field>
        <Field label="Duration">
          {line.durationMs !== null && line.durationMs !== undefined
            ? `${line.durationMs.toLocaleString()} ms`
            : none}
        </Field>
        <Field label="Line ID">
          <code>{line.id}</code>
        </Field>
        <Field label="Extra fields">
          {extra ? (
            <pre className="log-detail__json">{JSON.stringify(line.extra, null, 2)}</pre>
          ) : (
            none
          )}
        </Field>
      </dl>
      <details className="log-detail__raw" open>
        <summary>Raw JSON</summary>
        <pre className="log-detail__json" aria-label="Raw JSON of the line">
          {JSON.stringify(line, null, 2)}
        </pre>
      </details>
    </div>
  );
}
