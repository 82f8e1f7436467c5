import { Link } from 'react-router';
import { EmptyState, ErrorState, SelectField, Skeleton } from '../../../ui';
import { Sparkline } from '../../../ui/Sparkline';
import { useExceptionPatterns } from '../api/get-exception-patterns';
import { bucketSeries, hasCounts, typeStackSeries } from '../chart-series';
import { RANGES, type RangeKey } from '../exception-filters';
import { StatusBadge } from './StatusBadge';
import { TrendText } from './TrendText';
import { TypeStackChart } from './TypeStackChart';

/** Exceptions over a range: by type over time, the top groups, and the trend against before. */
export function PatternsView({
  range,
  onRange,
}: {
  range: RangeKey;
  onRange: (range: RangeKey) => void;
}) {
  const patterns = useExceptionPatterns(range);
  const rangeLabel = RANGES[range].label.toLowerCase();
  return (
    <section aria-labelledby="exception-patterns" className="exception-patterns">
      <div className="exception-section-header">
        <h2 id="exception-patterns">Patterns</h2>
        <SelectField
          label="Range"
          value={range}
          onChange={(event) => onRange(event.target.value as RangeKey)}
        >
          {(Object.keys(RANGES) as RangeKey[]).map((key) => (
            <option key={key} value={key}>
              {RANGES[key].label}
            </option>
          ))}
        </SelectField>
      </div>
      {patterns.error ? (
        <ErrorState
          title="Patterns could not be loaded"
          error={patterns.error}
          onRetry={() => void patterns.refetch()}
        />
      ) : !patterns.data ? (
        <Skeleton label="Loading patterns" rows={5} />
      ) : patterns.data.trend.count === 0 && patterns.data.trend.previousCount === 0 ? (
        <EmptyState title={`No exceptions in the ${rangeLabel}`}>
          <p>Nothing was recorded in this range or the one before it.</p>
        </EmptyState>
      ) : (
        <PatternsContent data={patterns.data} rangeLabel={rangeLabel} />
      )}
    </section>
  );
}

function PatternsContent({
  data,
  rangeLabel,
}: {
  data: NonNullable<ReturnType<typeof useExceptionPatterns>['data']>;
  rangeLabel: string;
}) {
  const stack = typeStackSeries(data);
  const spanMs = Date.parse(data.to) - Date.parse(data.from);
  const drawn = stack.rows.some((row) => stack.keys.some((key) => (row[key] ?? 0) > 0));
  return (
    <>
      <dl className="exception-summary">
        <div>
          <dt>Occurrences</dt>
          <dd>{data.trend.count.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Against the {rangeLabel.replace('last', 'previous')}</dt>
          <dd>
            <TrendText trend={data.trend} />
          </dd>
        </div>
        <div>
          <dt>New groups</dt>
          <dd>{data.newGroups.toLocaleString()}</dd>
        </div>
      </dl>

      <h3>By type over time</h3>
      {drawn ? (
        <TypeStackChart
          stack={stack}
          spanMs={spanMs}
          caption={`Occurrences per ${bucketLabel(data.bucketSeconds)}, stacked by type.`}
        />
      ) : (
        <p className="exception-chart-empty">No occurrences in the {rangeLabel}.</p>
      )}

      {data.byType.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Occurrences by type</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Occurrences
                </th>
                <th scope="col">Trend</th>
              </tr>
            </thead>
            <tbody>
              {data.byType.map((type) => (
                <tr key={type.type}>
                  <td>
                    <Link to={`/admin/exceptions?type=${encodeURIComponent(type.type)}`}>
                      {type.type}
                    </Link>
                  </td>
                  <td className="num">{type.count.toLocaleString()}</td>
                  <td>
                    <TrendText trend={type} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Top groups</h3>
      {data.topGroups.length === 0 ? (
        <p className="exception-chart-empty">No groups occurred in the {rangeLabel}.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Most frequent groups</caption>
            <thead>
              <tr>
                <th scope="col">Exception</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Occurrences
                </th>
                <th scope="col">Trend</th>
                <th scope="col">Over time</th>
              </tr>
            </thead>
            <tbody>
              {data.topGroups.map((group) => {
                const points = bucketSeries(data.bucketStarts, group.buckets);
                return (
                  <tr key={group.groupId}>
                    <td>
                      <Link to={`/admin/exceptions/${group.groupId}`}>{group.title}</Link>
                      <span className="text-muted exception-table__meta">{group.type}</span>
                    </td>
                    <td>
                      <StatusBadge group={{ status: group.status, regressed: false }} />
                    </td>
                    <td className="num">{group.count.toLocaleString()}</td>
                    <td>
                      <TrendText trend={group} />
                    </td>
                    <td>{hasCounts(points) && <Sparkline rows={points} dataKey="count" />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** `3600` → "hour", `300` → "5 minutes". */
function bucketLabel(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? 'day' : `${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
