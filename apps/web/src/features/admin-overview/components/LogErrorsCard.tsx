import { formatCount } from '../../admin-performance';
import { useLastHourLogs } from '../api/overview-queries';
import { logErrorCount, logErrorsLink } from '../overview-figures';
import { FigureLink, OverviewCard } from './OverviewCard';
import { QueryContent } from './QueryContent';

/** Lines logged at error level or worse in the last hour, leading to those lines. */
export function LogErrorsCard() {
  const statistics = useLastHourLogs();
  return (
    <OverviewCard
      id="overview-logs"
      title="Log errors, last hour"
      more={{ to: '/admin/logs/overview', label: 'Open the log dashboard' }}
    >
      <QueryContent
        query={statistics}
        loading="Loading the log counts"
        failed="The log counts could not be loaded"
      >
        {(data) => {
          const errors = logErrorCount(data);
          return (
            <>
              <FigureLink
                to={logErrorsLink()}
                value={formatCount(errors)}
                label={
                  errors === 1 ? 'line at error level or worse' : 'lines at error level or worse'
                }
              />
              <p className="text-muted">
                Of {formatCount(data.total)} lines logged in the last hour.
              </p>
            </>
          );
        }}
      </QueryContent>
    </OverviewCard>
  );
}
