import type { AuditRow } from '../model/audit-rows';
import { ResultBadge, SeverityBadge } from './ResultBadge';
import { formatLocalTime, LocalTime } from '../../../ui';

/** Optional columns: the action log has IPs and resources, the Events contract sources. */
export interface AuditColumns {
  ip?: boolean;
  resource?: boolean;
  source?: boolean;
  severity?: boolean;
}

/** The audit tables of both pages: newest first, one Details button per row. */
export function AuditTable({
  caption,
  rows,
  columns,
  onOpen,
}: {
  caption: string;
  rows: readonly AuditRow[];
  columns: AuditColumns;
  onOpen: (row: AuditRow) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table audit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Action</th>
            <th scope="col">Result</th>
            {columns.severity && <th scope="col">Severity</th>}
            <th scope="col">User</th>
            {columns.source && <th scope="col">Source</th>}
            {columns.ip && <th scope="col">IP</th>}
            {columns.resource && <th scope="col">Resource</th>}
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="audit-table__time">
                <LocalTime iso={row.occurredAt} />
              </td>
              <td>
                <code className="audit-table__action">{row.action}</code>
                {row.message && row.message !== row.action && (
                  <span className="audit-table__message">{row.message}</span>
                )}
              </td>
              <td>
                <ResultBadge result={row.result} />
              </td>
              {columns.severity && (
                <td>{row.severity && <SeverityBadge severity={row.severity} />}</td>
              )}
              <td className="audit-table__wrap">{row.actor}</td>
              {columns.source && <td>{row.source}</td>}
              {columns.ip && <td>{row.ip ?? <span className="text-muted">—</span>}</td>}
              {columns.resource && (
                <td className="audit-table__wrap">
                  {row.resource ?? <span className="text-muted">—</span>}
                </td>
              )}
              <td>
                <button
                  type="button"
                  className="button button--ghost"
                  aria-label={`Details of ${row.action} at ${formatLocalTime(row.occurredAt)}`}
                  onClick={() => onOpen(row)}
                >
                  Details
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
