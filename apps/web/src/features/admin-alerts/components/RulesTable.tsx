import { Link } from 'react-router';
import { LocalTime } from '../../../ui';
import { Sparkline } from '../../../ui/Sparkline';
import type { components } from '@ledgerlens/contracts';
import { type AlertRule, CHART_HOURS } from '../api/alert-queries';
import { conditionText, describeRule, formatValue } from '../rule-text';
import { chartValue, hasValues, rangeText, valueRows } from '../value-series';
import { EnabledToggle } from './EnabledToggle';
import { RuleStateBadges, SeverityBadge } from './StateBadge';

type SeriesPoint = components['schemas']['AlertSeriesPointDto'];

/** The value now against the threshold, in words, with the last hours' line beside it. */
function ValueCell({ rule, points }: { rule: AlertRule; points: SeriesPoint[] | undefined }) {
  const rows = points ? valueRows(rule.metricType, points) : [];
  const range = rangeText(rule.metricType, rows);
  return (
    <span className="alert-value">
      {hasValues(rows) && (
        <Sparkline
          rows={rows}
          dataKey="value"
          threshold={chartValue(rule.metricType, rule.threshold)}
          fromZero={false}
        />
      )}
      <span>
        <strong>{rule.lastEvaluatedAt ? formatValue(rule.metricType, rule.value) : '—'}</strong>
        <span className="alert-value__threshold">fires when {conditionText(rule)}</span>
        {range && (
          <span className="visually-hidden">
            Last {CHART_HOURS} hours: {range}.
          </span>
        )}
      </span>
    </span>
  );
}

/** Every rule: its state, what it measures, its value now, when it was last looked at, its switch. */
export function RulesTable({
  rules,
  silencedRuleIds,
  seriesByRule,
}: {
  rules: AlertRule[];
  silencedRuleIds: ReadonlySet<string>;
  /** What each rule measured over the last hours; absent while it loads or if it failed. */
  seriesByRule: ReadonlyMap<string, SeriesPoint[]> | undefined;
}) {
  return (
    <div className="table-wrap">
      <table className="table alert-rules-table">
        <caption className="visually-hidden">Alert rules</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">State</th>
            <th scope="col">Severity</th>
            <th scope="col">Value now</th>
            <th scope="col">Last evaluation</th>
            <th scope="col">Enabled</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id}>
              <td className="alert-rules-table__rule">
                <Link to={`/admin/alerts/${rule.id}`}>{rule.name}</Link>
                <span className="text-muted alert-rules-table__meta">{describeRule(rule)}</span>
              </td>
              <td>
                <RuleStateBadges state={rule.state} silenced={silencedRuleIds.has(rule.id)} />
                {rule.lastError && (
                  <span className="alert-rules-table__error">{rule.lastError}</span>
                )}
              </td>
              <td>
                <SeverityBadge severity={rule.severity} />
              </td>
              <td>
                <ValueCell rule={rule} points={seriesByRule?.get(rule.id)} />
              </td>
              <td>
                {rule.lastEvaluatedAt ? (
                  <LocalTime iso={rule.lastEvaluatedAt} />
                ) : (
                  <span className="text-muted">Not yet</span>
                )}
              </td>
              <td>
                <EnabledToggle rule={rule} />
              </td>
              <td>
                <Link to={`/admin/alerts/${rule.id}/edit`}>
                  Edit<span className="visually-hidden"> {rule.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
