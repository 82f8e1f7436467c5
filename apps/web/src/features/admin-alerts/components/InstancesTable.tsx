import type { AlertMetric } from '@ledgerlens/contracts';
import { LocalTime } from '../../../ui';
import type { AlertInstance } from '../api/alert-queries';
import { formatValue, labelsText } from '../rule-text';
import { StateBadge } from './StateBadge';

/**
 * A rule's instances: which one (its labels), its state and value, and, for a saved rule,
 * since when it has been alerting.
 */
export function InstancesTable({
  instances,
  metric,
  caption,
  withSince = false,
}: {
  instances: AlertInstance[];
  metric: AlertMetric;
  caption: string;
  withSince?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="table alert-instances">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Instance</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Value
            </th>
            {withSince && <th scope="col">Since</th>}
          </tr>
        </thead>
        <tbody>
          {instances.map((instance) => {
            const since = instance.firingSince ?? instance.activeSince;
            return (
              <tr key={instance.key}>
                <td className="alert-instances__labels">{labelsText(instance.labels)}</td>
                <td>
                  <StateBadge state={instance.state} />
                  {instance.error && (
                    <span className="alert-rules-table__error">{instance.error}</span>
                  )}
                </td>
                <td className="num">{formatValue(metric, instance.value)}</td>
                {withSince && (
                  <td>
                    {since ? <LocalTime iso={since} /> : <span className="text-muted">—</span>}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
