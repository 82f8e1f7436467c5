import { Link } from 'react-router';
import type { ExceptionGroup } from '../api/get-exception-groups';
import type { ExceptionFilters } from '../exception-filters';
import { hasCounts, lastDaySeries } from '../chart-series';
import { StatusBadge } from './StatusBadge';
import { LocalTime } from '../../../ui';
import { Sparkline } from '../../../ui/Sparkline';

/** The groups of one page, with their status, counts and when they were first and last seen. */
export function ExceptionGroupTable({
  groups,
  filters,
}: {
  groups: ExceptionGroup[];
  filters: Pick<ExceptionFilters, 'sort' | 'order'>;
}) {
  const now = new Date();
  const sortOf = (column: ExceptionFilters['sort']) =>
    filters.sort === column ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <div className="table-wrap">
      <table className="table exception-table">
        <caption className="visually-hidden">Exception groups</caption>
        <thead>
          <tr>
            <th scope="col">Exception</th>
            <th scope="col">Status</th>
            <th scope="col" className="num" aria-sort={sortOf('count')}>
              Occurrences
            </th>
            <th scope="col" className="num">
              Users
            </th>
            <th scope="col">Last 24 h</th>
            <th scope="col" aria-sort={sortOf('firstSeen')}>
              First seen
            </th>
            <th scope="col" aria-sort={sortOf('lastSeen')}>
              Last seen
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id}>
              <td className="exception-table__title">
                <Link to={`/admin/exceptions/${group.id}`}>{group.title}</Link>
                <span className="text-muted exception-table__meta">
                  {group.type} · {group.source === 'backend' ? 'API' : 'Browser'}
                  {group.culprit && <> · {group.culprit}</>}
                </span>
              </td>
              <td>
                <StatusBadge group={group} />
              </td>
              <td className="num">{group.count.toLocaleString()}</td>
              <td className="num">{group.affectedUsers.toLocaleString()}</td>
              <td>
                <LastDay counts={group.sparkline} now={now} />
              </td>
              <td>
                <LocalTime iso={group.firstSeen} />
              </td>
              <td>
                <LocalTime iso={group.lastSeen} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The group's last 24 hours: a sparkline to glance at, the total for screen readers. */
function LastDay({ counts, now }: { counts: number[]; now: Date }) {
  const points = lastDaySeries(counts, now);
  const total = counts.reduce((sum, count) => sum + count, 0);
  return (
    <>
      {hasCounts(points) ? (
        <Sparkline rows={points} dataKey="count" />
      ) : (
        <span aria-hidden="true">—</span>
      )}
      <span className="visually-hidden">{total.toLocaleString()} in the last 24 hours</span>
    </>
  );
}
