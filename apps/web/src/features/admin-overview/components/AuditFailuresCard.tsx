import { Link } from 'react-router';
import { LocalTime } from '../../../ui';
import { ResultBadge } from '../../admin-audit';
import { formatCount } from '../../admin-performance';
import { AUDIT_FAILURES_SHOWN, useAuditFailures } from '../api/overview-queries';
import { auditErrorsLink } from '../overview-figures';
import { OverviewCard } from './OverviewCard';
import { QueryContent } from './QueryContent';

/** The action log's newest failures and warnings, each opening its event. */
export function AuditFailuresCard() {
  const failures = useAuditFailures();
  return (
    <OverviewCard
      id="overview-audit-failures"
      title="Action log failures"
      more={{ to: auditErrorsLink(), label: 'All failures' }}
    >
      <QueryContent
        query={failures}
        loading="Loading the failed actions"
        failed="The failed actions could not be loaded"
      >
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="text-muted">No failed actions recorded.</p>
          ) : (
            <>
              <p className="text-muted">
                {total > items.length
                  ? `The newest ${AUDIT_FAILURES_SHOWN} of ${formatCount(total)} failed or warning actions.`
                  : `${formatCount(total)} failed or warning ${total === 1 ? 'action' : 'actions'}.`}
              </p>
              <ul className="stack-list overview-list" aria-label="Newest failed actions">
                {items.map((event) => (
                  <li key={event.id} className="overview-failure">
                    <span className="overview-failure__head">
                      <Link to={auditErrorsLink(event.id)} className="overview-failure__action">
                        {event.action}
                      </Link>{' '}
                      <ResultBadge result={event.result} />
                    </span>
                    <span className="overview-failure__message">{event.message}</span>
                    <span className="text-muted">
                      <LocalTime iso={event.occurredAt} />
                      {event.actorEmail && ` · ${event.actorEmail}`}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryContent>
    </OverviewCard>
  );
}
