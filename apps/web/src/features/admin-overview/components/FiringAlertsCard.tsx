import { useQueryClient } from '@tanstack/react-query';
import { RealtimeEvent } from '@ledgerlens/contracts';
import { Link } from 'react-router';
import { useRealtimeEvents } from '../../realtime';
import { overviewKeys, useAlertRules } from '../api/overview-queries';
import { type AlertRule, alertLink, firingRules, pendingCount } from '../overview-figures';
import { OverviewCard } from './OverviewCard';
import { QueryContent } from './QueryContent';

const SEVERITY_TONE: Record<AlertRule['severity'], string> = {
  critical: 'danger',
  warning: 'warning',
  info: 'muted',
};

const LIVE_EVENTS = [RealtimeEvent.AlertStateChanged];

function FiringAlerts({ rules }: { rules: AlertRule[] }) {
  const firing = firingRules(rules);
  const pending = pendingCount(rules);
  return (
    <>
      <p className="overview-figure">
        <span className="overview-figure__value">{firing.length}</span>{' '}
        {firing.length === 1 ? 'rule firing' : 'rules firing'}
      </p>
      {firing.length > 0 ? (
        <ul className="stack-list overview-list" aria-label="Firing rules">
          {firing.map((rule) => (
            <li key={rule.id}>
              <Link to={alertLink(rule.id)}>{rule.name}</Link>{' '}
              <span className={`badge badge--${SEVERITY_TONE[rule.severity]}`}>
                {rule.severity}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">
          {rules.length === 0
            ? 'No alert rules yet.'
            : `All quiet: ${rules.length} ${rules.length === 1 ? 'rule' : 'rules'} watching.`}
        </p>
      )}
      {pending > 0 && (
        <p className="text-muted">
          {pending} pending: their condition holds, not yet for long enough to fire.
        </p>
      )}
    </>
  );
}

/** Rules firing now, read again whenever one fires or resolves. */
export function FiringAlertsCard() {
  const rules = useAlertRules();
  const queryClient = useQueryClient();
  useRealtimeEvents(LIVE_EVENTS, () => {
    void queryClient.invalidateQueries({ queryKey: overviewKeys.alerts() });
  });
  return (
    <OverviewCard
      id="overview-alerts"
      title="Firing alerts"
      more={{ to: '/admin/alerts', label: 'All alerts' }}
    >
      <QueryContent
        query={rules}
        loading="Loading the alert rules"
        failed="The alert rules could not be loaded"
      >
        {(data) => <FiringAlerts rules={data} />}
      </QueryContent>
    </OverviewCard>
  );
}
