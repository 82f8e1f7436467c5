import { Link } from 'react-router';
import { LocalTime } from '../../../ui';
import { formatCount } from '../../admin-performance';
import type { TopErrorRow } from '../overview-series';

/** The most frequent error messages, each with a link to its lines in the LogViewer. */
export function TopErrorsTable({ rows, caption }: { rows: TopErrorRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table logs-overview-errors">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col" className="num">
              Lines
            </th>
            <th scope="col">Last seen</th>
            <th scope="col">
              <span className="visually-hidden">Lines in the log viewer</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.pattern}>
              <td className="logs-overview-errors__message">
                <span className="perf-code">{row.pattern}</span>
                {row.example !== row.pattern && (
                  <span className="text-muted logs-overview-errors__example">
                    e.g. {row.example}
                  </span>
                )}
              </td>
              <td className="num">{formatCount(row.count)}</td>
              <td>
                <LocalTime iso={row.lastSeen} />
              </td>
              <td>
                <Link to={row.linesHref} aria-label={`Show lines of “${row.pattern}”`}>
                  Show lines
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
