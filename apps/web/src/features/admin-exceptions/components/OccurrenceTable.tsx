import { Link } from 'react-router';
import type { ExceptionOccurrence } from '../api/get-exception-group';
import { LocalTime } from '../../../ui';

/** Where LogViewer shows every line of one trace (it reads `traceId` from its URL). */
export const logsOfTrace = (traceId: string) =>
  `/admin/logs?traceId=${encodeURIComponent(traceId)}`;

/** Recent occurrences, newest first, each with a way to its logs. */
export function OccurrenceTable({ occurrences }: { occurrences: ExceptionOccurrence[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Recent occurrences, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Message</th>
            <th scope="col">Request</th>
            <th scope="col">User</th>
            <th scope="col">Release</th>
            <th scope="col">Trace</th>
          </tr>
        </thead>
        <tbody>
          {occurrences.map((occurrence) => (
            <tr key={occurrence.id}>
              <td>
                <LocalTime iso={occurrence.occurredAt} />
              </td>
              <td className="exception-occurrence__message">{occurrence.message}</td>
              <td>
                {occurrence.requestPath ? (
                  <code>
                    {occurrence.requestMethod} {occurrence.requestPath}
                  </code>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </td>
              <td>
                {occurrence.userId ? (
                  <code title={occurrence.userId}>{occurrence.userId.slice(0, 8)}</code>
                ) : (
                  <span className="text-muted">Signed out</span>
                )}
              </td>
              <td>{occurrence.release ?? <span className="text-muted">—</span>}</td>
              <td>
                {occurrence.traceId ? (
                  // The name comes from hidden text, not aria-label: axe wants a link's visible
                  // text (here a shortened ID) inside an aria-label, which the "…" breaks.
                  <Link to={logsOfTrace(occurrence.traceId)}>
                    <code aria-hidden="true">{occurrence.traceId.slice(0, 12)}…</code>
                    <span className="visually-hidden">Logs of trace {occurrence.traceId}</span>
                  </Link>
                ) : (
                  <span className="text-muted">None</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
