import { formatCount } from '../../admin-performance';
import { useUnresolvedExceptions } from '../api/overview-queries';
import { exceptionCounts, unresolvedExceptionsLink } from '../overview-figures';
import { FigureLink, OverviewCard } from './OverviewCard';
import { QueryContent } from './QueryContent';

/** Exception groups waiting for someone, and those that came back after being resolved. */
export function ExceptionsCard() {
  const groups = useUnresolvedExceptions();
  return (
    <OverviewCard
      id="overview-exceptions"
      title="Exceptions"
      more={{ to: '/admin/exceptions', label: 'Open exceptions' }}
    >
      <QueryContent
        query={groups}
        loading="Loading the exception groups"
        failed="The exception groups could not be loaded"
      >
        {(page) => {
          const counts = exceptionCounts(page);
          const link = unresolvedExceptionsLink();
          return (
            <>
              <ul className="stack-list overview-list">
                <li>
                  <FigureLink
                    to={link}
                    value={formatCount(counts.unresolved)}
                    label={counts.unresolved === 1 ? 'unresolved group' : 'unresolved groups'}
                  />
                </li>
                <li>
                  <FigureLink
                    to={link}
                    value={`${formatCount(counts.regressed)}${counts.regressedIsFloor ? '+' : ''}`}
                    label="regressed"
                  />
                </li>
              </ul>
              <p className="text-muted">
                Regressed: resolved, then seen again.
                {counts.regressedIsFloor &&
                  ` Counted among the ${formatCount(page.items.length)} unresolved groups seen last.`}
              </p>
            </>
          );
        }}
      </QueryContent>
    </OverviewCard>
  );
}
