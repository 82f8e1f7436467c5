import { Link } from 'react-router';
import { LocalTime } from '../../../ui';
import type { AlertRule } from '../api/alert-queries';
import { conditionText, describeRule } from '../rule-text';
import { EnabledToggle } from './EnabledToggle';
import { RuleStateBadges, SeverityBadge } from './StateBadge';

/** Every rule: its state, what it measures, when it was last looked at, and its switch. */
export function RulesTable({
  rules,
  silencedRuleIds,
}: {
  rules: AlertRule[];
  silencedRuleIds: ReadonlySet<string>;
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
            <th scope="col">Fires at</th>
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
              <td className="num">{conditionText(rule)}</td>
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
