import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDeleteDialog, ErrorState, LocalTime, PageHeader, Skeleton } from '../../ui';
import { toast } from '../toasts';
import { useDeleteRule, useTestRule } from './api/alert-actions';
import {
  type AlertRuleDetail,
  CHART_HOURS,
  useActiveSilences,
  useAlertRule,
  useContactPoints,
  useSavedPreview,
} from './api/alert-queries';
import { EnabledToggle } from './components/EnabledToggle';
import { InstancesTable } from './components/InstancesTable';
import { RuleLoadState } from './components/RuleLoadState';
import { RuleSilences } from './components/RuleSilences';
import { SilenceDialog } from './components/SilenceDialog';
import { RuleStateBadges, SeverityBadge } from './components/StateBadge';
import { TestResultsDialog } from './components/TestResultsDialog';
import { ValueChart } from './components/ValueChart';
import { useLiveAlerts } from './hooks/use-live-alerts';
import { conditionText, describeRule, durationInWords, formatValue, timingText } from './rule-text';
import { valueRows } from './value-series';
import { METRIC_KINDS } from './metric-kinds';
import './admin-alerts.css';
import { ruleHistoryLink } from '../admin-alert-history';

type OpenDialog = 'silence' | 'test' | 'delete' | null;

function RuleActions({ rule }: { rule: AlertRuleDetail }) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const test = useTestRule();
  const remove = useDeleteRule();
  const close = () => setDialog(null);
  return (
    <div className="page-header__actions">
      <EnabledToggle rule={rule} />
      <Link className="button button--ghost" to={`/admin/alerts/${rule.id}/edit`}>
        Edit
      </Link>
      <button type="button" className="button button--ghost" onClick={() => setDialog('silence')}>
        Silence
      </button>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => {
          setDialog('test');
          test.mutate(rule.id);
        }}
      >
        Send test
      </button>
      <button type="button" className="button button--danger" onClick={() => setDialog('delete')}>
        Delete
      </button>
      <SilenceDialog rule={rule} open={dialog === 'silence'} onClose={close} />
      <TestResultsDialog
        ruleName={rule.name}
        open={dialog === 'test'}
        pending={test.isPending}
        error={test.error}
        results={test.data}
        onClose={() => {
          test.reset();
          close();
        }}
      />
      <ConfirmDeleteDialog
        open={dialog === 'delete'}
        title={`Delete ${rule.name}?`}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(rule.id, {
            onSuccess: () => {
              toast.success(`${rule.name} deleted`);
              void navigate('/admin/alerts');
            },
          })
        }
        onClose={() => {
          remove.reset();
          close();
        }}
      >
        <p>It stops being evaluated, and what it had notified resolves. Its history is kept.</p>
      </ConfirmDeleteDialog>
    </div>
  );
}

function RuleFacts({ rule, silenced }: { rule: AlertRuleDetail; silenced: boolean }) {
  const contactPoints = useContactPoints();
  const { notification } = rule;
  const ids = notification.contactPointIds ?? [];
  const names = ids.map(
    (id) => contactPoints.data?.find((point) => point.id === id)?.name ?? 'a contact point',
  );
  return (
    <dl className="alert-facts">
      <div>
        <dt>State</dt>
        <dd>
          <RuleStateBadges state={rule.state} silenced={silenced} />
          {!rule.enabled && <span className="text-muted"> (disabled: not evaluated)</span>}
        </dd>
      </div>
      <div>
        <dt>Severity</dt>
        <dd>
          <SeverityBadge severity={rule.severity} />
        </dd>
      </div>
      <div>
        <dt>Value now</dt>
        <dd>
          {rule.lastEvaluatedAt ? formatValue(rule.metricType, rule.value) : '—'}{' '}
          <span className="text-muted">(fires when {conditionText(rule)})</span>
        </dd>
      </div>
      <div>
        <dt>Last evaluation</dt>
        <dd>{rule.lastEvaluatedAt ? <LocalTime iso={rule.lastEvaluatedAt} /> : 'Not yet'}</dd>
      </div>
      <div>
        <dt>Timing</dt>
        <dd>{timingText(rule)}</dd>
      </div>
      <div>
        <dt>Notifies</dt>
        <dd>
          {names.length > 0 ? names.join(', ') : 'Nobody: changes are only recorded'}
          {names.length > 0 && (
            <span className="text-muted">
              {' '}
              (wait {durationInWords(notification.groupWaitSeconds ?? 30)}, then every{' '}
              {durationInWords(notification.groupIntervalSeconds ?? 300)}, repeat after{' '}
              {durationInWords(notification.repeatIntervalSeconds ?? 14_400)}
              {notification.sendResolved === false ? ', not when resolved' : ''})
            </span>
          )}
        </dd>
      </div>
      {Object.keys(rule.labels).length > 0 && (
        <div>
          <dt>Labels</dt>
          <dd>
            {Object.entries(rule.labels)
              .map(([name, value]) => `${name}=${value}`)
              .join(', ')}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The rule's value over the last hours against its threshold, measured now by the API. */
function MeasuredValue({ rule }: { rule: AlertRuleDetail }) {
  const preview = useSavedPreview(rule.id);
  let content;
  if (preview.error) {
    content = (
      <ErrorState
        title="The measured values could not be loaded"
        error={preview.error}
        onRetry={() => void preview.refetch()}
      />
    );
  } else if (!preview.data) {
    content = <Skeleton label="Loading the measured values" rows={4} />;
  } else {
    content = (
      <ValueChart
        title={`${METRIC_KINDS[rule.metricType].label} over the last ${CHART_HOURS} hours`}
        rows={valueRows(rule.metricType, preview.data.series)}
        metric={rule.metricType}
        threshold={rule.threshold}
        condition={conditionText(rule)}
      />
    );
  }
  return (
    <section aria-labelledby="alert-rule-measured" className="card">
      <h2 id="alert-rule-measured" className="card__title">
        Measured value
      </h2>
      {content}
    </section>
  );
}

function RuleContent({ rule }: { rule: AlertRuleDetail }) {
  const silences = useActiveSilences();
  const own = (silences.data ?? []).filter((silence) => silence.ruleId === rule.id);
  const summary = rule.annotations.summary;
  return (
    <>
      <PageHeader title={rule.name}>
        <RuleActions rule={rule} />
      </PageHeader>
      <section aria-labelledby="alert-rule-summary" className="card">
        <h2 id="alert-rule-summary" className="card__title">
          Summary
        </h2>
        <p className="alert-rule-condition">Fires when the {describeRule(rule)}.</p>
        {summary && <p>{summary}</p>}
        {rule.description && <p className="text-muted">{rule.description}</p>}
        <RuleFacts rule={rule} silenced={own.length > 0} />
        {rule.lastError && (
          <p className="alert-rules-table__error">The last evaluation failed: {rule.lastError}</p>
        )}
        <p>
          <Link to={ruleHistoryLink(rule.id)}>State changes and deliveries of this rule</Link>
        </p>
      </section>
      <MeasuredValue rule={rule} />
      <section aria-labelledby="alert-rule-instances" className="card">
        <h2 id="alert-rule-instances" className="card__title">
          Instances
        </h2>
        {rule.instances.length === 0 ? (
          <p className="text-muted">
            None yet: the rule has not been evaluated, or nothing it measures had data.
          </p>
        ) : (
          <InstancesTable
            instances={rule.instances}
            metric={rule.metricType}
            caption="Instances of the rule"
            withSince
          />
        )}
      </section>
      <section aria-labelledby="alert-rule-silences" className="card">
        <h2 id="alert-rule-silences" className="card__title">
          Active silences
        </h2>
        {silences.error ? (
          <ErrorState
            title="The silences could not be loaded"
            error={silences.error}
            onRetry={() => void silences.refetch()}
          />
        ) : silences.data ? (
          <RuleSilences silences={own} />
        ) : (
          <Skeleton label="Loading the silences" rows={2} />
        )}
      </section>
    </>
  );
}

/** One alert rule (`/admin/alerts/:id`): what it watches, its instances, silences and actions. */
export function AlertRulePage() {
  const { id = '' } = useParams();
  const rule = useAlertRule(id);
  useLiveAlerts();

  const content =
    rule.error || !rule.data ? (
      <RuleLoadState title="Alert rule" rule={rule} />
    ) : (
      <RuleContent rule={rule.data} />
    );
  return (
    <section className="alerts-page">
      <p className="alert-back">
        <Link to="/admin/alerts">← All alert rules</Link>
      </p>
      {content}
    </section>
  );
}
