import { useState } from 'react';
import type { AuditLog } from '../api/types';
import { SYSTEM_ACTOR } from '../model/audit-rows';
import { tableOfResource } from '../model/resource-table';
import { formatDuration } from '../model/time';
import { ResultBadge, SeverityBadge } from './ResultBadge';
import { RowHistory } from './RowHistory';
import { LocalTime } from '../../../ui';

const orNone = (value: string | null) => value ?? <span className="text-muted">—</span>;

/** One event of the action log with every field, its metadata as JSON and its resource's history. */
export function AuditLogDetail({
  log,
  metadataTitle = 'Metadata',
}: {
  log: AuditLog;
  metadataTitle?: string;
}) {
  const [historyShown, setHistoryShown] = useState(false);
  const table = tableOfResource(log.resourceType);
  return (
    <div className="audit-detail">
      <p className="audit-detail__message">{log.message}</p>
      <dl className="audit-detail__fields">
        <dt>Time</dt>
        <dd>
          <LocalTime iso={log.occurredAt} />
        </dd>
        <dt>Action</dt>
        <dd>
          <code>{log.action}</code> ({log.category})
        </dd>
        <dt>Result</dt>
        <dd>
          <ResultBadge result={log.result} /> <SeverityBadge severity={log.severity} />
        </dd>
        <dt>Duration</dt>
        <dd>{log.durationMs === null ? orNone(null) : formatDuration(log.durationMs)}</dd>
        <dt>User</dt>
        <dd>
          {log.actorEmail ?? (log.actorId ? '' : SYSTEM_ACTOR)}
          {log.actorId && <span className="text-muted"> ({log.actorId})</span>}
        </dd>
        <dt>Source</dt>
        <dd>{log.source}</dd>
        <dt>IP address</dt>
        <dd>{orNone(log.ip)}</dd>
        <dt>User agent</dt>
        <dd className="audit-detail__wrap">{orNone(log.userAgent)}</dd>
        <dt>Resource</dt>
        <dd className="audit-detail__wrap">
          {log.resourceType ? `${log.resourceType} ${log.resourceId ?? ''}` : orNone(null)}
        </dd>
        <dt>Trace ID</dt>
        <dd className="audit-detail__wrap">
          {log.traceId ? <code>{log.traceId}</code> : orNone(null)}
        </dd>
        <dt>Event ID</dt>
        <dd className="audit-detail__wrap">
          <code>{log.id}</code>
        </dd>
      </dl>
      <h3>{metadataTitle}</h3>
      {Object.keys(log.metadata).length === 0 ? (
        <p className="text-muted">None recorded</p>
      ) : (
        <pre className="audit-detail__json" tabIndex={0} aria-label={metadataTitle}>
          {JSON.stringify(log.metadata, null, 2)}
        </pre>
      )}
      {log.resourceId && table && (
        <section aria-label="Row history">
          <h3>Row history</h3>
          {historyShown ? (
            <RowHistory table={table} rowId={log.resourceId} />
          ) : (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => setHistoryShown(true)}
            >
              Show the changes of {log.resourceType} {log.resourceId}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
