import { Link } from 'react-router';
import { formatCount } from '../format';
import { type ErrorRateRow, TREND_TEXT } from '../tables';

/** Per endpoint: requests, errors, error rate and its trend; each endpoint opens its drill-down. */
export function ErrorRatesTable({
  rows,
  caption,
  endpointHref,
}: {
  rows: ErrorRateRow[];
  caption: string;
  endpointHref: (endpoint: string) => string;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col" className="num">
              4xx
            </th>
            <th scope="col" className="num">
              5xx
            </th>
            <th scope="col" className="num">
              Error rate
            </th>
            <th scope="col" className="num">
              Before
            </th>
            <th scope="col">Trend</th>
            <th scope="col" className="num">
              p95
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const trend = TREND_TEXT[row.trend];
            return (
              <tr key={row.endpoint}>
                <th scope="row" className="perf-code">
                  <Link to={endpointHref(row.endpoint)}>{row.endpoint}</Link>
                </th>
                <td className="num">{formatCount(row.requests)}</td>
                <td className="num">{formatCount(row.clientErrors)}</td>
                <td className="num">{formatCount(row.serverErrors)}</td>
                <td className="num">{row.errorRate}</td>
                <td className="num">{row.previousErrorRate}</td>
                <td>
                  <span className={`badge badge--${trend.tone}`}>{trend.label}</span>{' '}
                  <span className="text-muted">{row.change}</span>
                </td>
                <td className="num">{row.p95}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
