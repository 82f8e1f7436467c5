import type { SlowQueryRow } from '../tables';
import { LocalTime } from '../../../ui';
import { TraceLink } from './TraceLink';

/** Slow queries with their normalised statements and the request (or job) that ran them. */
export function SlowQueriesTable({ rows, caption }: { rows: SlowQueryRow[]; caption: string }) {
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
            <th scope="col">Statement</th>
            <th scope="col">Ran for</th>
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
              <td>
                <span className="badge badge--muted">{row.kind}</span>{' '}
                <code className="perf-statement">{row.statement}</code>
              </td>
              <td className="perf-code">{row.origin}</td>
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
