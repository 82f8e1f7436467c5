import { Link } from 'react-router';
import { EmptyState, ErrorState, PageHeader, Skeleton } from '../../ui';
import { useActiveSilences, useAlertRules, useRuleSeries } from './api/alert-queries';
import { RulesTable } from './components/RulesTable';
import { useLiveAlerts } from './hooks/use-live-alerts';
import './admin-alerts.css';

/** Links to the other alerting pages, beside the page's own action. */
function AlertingLinks() {
  return (
    <nav aria-label="Alerting" className="page-header__actions">
      <Link to="/admin/alerts/contact-points">Contact points</Link>
      <Link to="/admin/alerts/history">History</Link>
      <Link className="button" to="/admin/alerts/new">
        New rule
      </Link>
    </nav>
  );
}

function RulesContent() {
  const rules = useAlertRules();
  const silences = useActiveSilences();
  const series = useRuleSeries();
  if (rules.error) {
    return (
      <ErrorState
        title="Alert rules could not be loaded"
        error={rules.error}
        onRetry={() => void rules.refetch()}
      />
    );
  }
  if (!rules.data) return <Skeleton label="Loading alert rules" rows={5} />;
  if (rules.data.length === 0) {
    return (
      <EmptyState title="No alert rules yet">
        <p>
          A rule watches a measure such as p95 latency, the error rate or new exceptions, and tells
          your contact points when it crosses a threshold.
        </p>
        <Link className="button" to="/admin/alerts/new">
          Create the first rule
        </Link>
      </EmptyState>
    );
  }
  const silenced = new Set(
    (silences.data ?? []).flatMap((silence) => (silence.ruleId ? [silence.ruleId] : [])),
  );
  return <RulesTable rules={rules.data} silencedRuleIds={silenced} seriesByRule={series.data} />;
}

/** AlertConfiguration (`/admin/alerts`): every rule with its state, kept current live. */
export function AlertRulesPage() {
  useLiveAlerts();
  return (
    <section className="alerts-page">
      <PageHeader title="Alert rules">
        <AlertingLinks />
      </PageHeader>
      <RulesContent />
    </section>
  );
}
