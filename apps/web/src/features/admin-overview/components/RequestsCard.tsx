import { formatCount, formatMs, formatRatio } from '../../admin-performance';
import { useHourComparison } from '../api/overview-queries';
import { durationChange, errorRateChange, type MonitoringOverview } from '../overview-figures';
import { ChangeText } from './ChangeText';
import { OverviewCard } from './OverviewCard';
import { QueryContent } from './QueryContent';

function HourComparison({
  current,
  previous,
}: {
  current: MonitoringOverview;
  previous: MonitoringOverview;
}) {
  const now = current.requests;
  const before = previous.requests;
  const missing =
    now.total === 0 ? 'No requests in the last hour' : 'No requests the hour before to compare';
  return (
    <>
      <dl className="overview-compare">
        <div className="overview-compare__item">
          <dt>Error rate (4xx and 5xx)</dt>
          <dd>
            <span className="overview-figure__value">{formatRatio(now.errorRate)}</span>
            <ChangeText
              change={errorRateChange(now.errorRate, before.errorRate)}
              missing={missing}
            />
          </dd>
        </div>
        <div className="overview-compare__item">
          <dt>p95 response time</dt>
          <dd>
            <span className="overview-figure__value">{formatMs(now.p95Ms)}</span>
            <ChangeText change={durationChange(now.p95Ms, before.p95Ms)} missing={missing} />
          </dd>
        </div>
      </dl>
      <p className="text-muted">
        {formatCount(now.total)} requests in the last hour, {formatCount(before.total)} in the hour
        before.
      </p>
    </>
  );
}

/** The API's error rate and p95 of the last hour against the hour before. */
export function RequestsCard() {
  const hours = useHourComparison();
  return (
    <OverviewCard
      id="overview-requests"
      title="API requests, last hour"
      more={{ to: '/admin/performance?range=1h', label: 'Open performance' }}
    >
      <QueryContent
        query={hours}
        loading="Loading the request figures"
        failed="The request figures could not be loaded"
      >
        {(data) => <HourComparison current={data.current} previous={data.previous} />}
      </QueryContent>
    </OverviewCard>
  );
}
