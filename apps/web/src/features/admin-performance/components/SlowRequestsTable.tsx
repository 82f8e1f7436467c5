import { Link } from 'react-router';
import type { SlowRequestRow } from '../tables';
import { LocalTime } from '../../../ui';
import { TraceLink } from './TraceLink';

/** Slow requests, each linking to its endpoint's drill-down and to its trace's logs. */
export function SlowRequestsTable({
  rows,
  caption,
  endpointHref,
}: {
  rows: SlowRequestRow[];
  caption: string;
  /** The drill-down link of an endpoint; absent when already drilled down. */
  endpointHref?: (endpoint: string) => string;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col">Endpoint</th>
            <th scope="col" className="num">
              Status
            </th>
            <th scope="col">Trace</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <LocalTime iso={row.startedAt} />
              </td>
              <td className="num">{row.duration}</td>
              <td className="perf-code">
                {endpointHref ? (
                  <Link to={endpointHref(row.endpoint)}>{row.endpoint}</Link>
                ) : (
                  row.endpoint
                )}
              </td>
              <td className="num">
                {row.failed ? (
                  <span className="badge badge--danger">{row.status} failed</span>
                ) : (
                  row.status
                )}
              </td>
              <td>
                <TraceLink traceId={row.traceId} href={row.logsHref} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
