import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { formatLocalTime, LocalTime } from '../../../ui';
import { type AlertRule, formatValue, StateBadge } from '../../admin-alerts';
import { stateLabel } from '../alert-states';
import type { HistoryEntry } from '../api/history-queries';
import { ChangeDeliveries } from './ChangeDeliveries';

const COLUMNS = 7;

const plainNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A value in its rule's unit; a bare number when the rule is gone (or not loaded yet). */
function valueText(metric: AlertRule['metricType'] | undefined, value: number | null): string {
  if (metric) return formatValue(metric, value);
  return value === null ? 'no data' : plainNumber.format(value);
}

function Labels({ labels }: { labels: Record<string, string> }) {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return <span className="text-muted">—</span>;
  return (
    <ul className="alert-history-table__labels">
      {names.map((name) => (
        <li key={name}>
          <code>
            {name}={labels[name]}
          </code>
        </li>
      ))}
    </ul>
  );
}

/**
 * State changes, newest first; each row opens the deliveries that reported it, right below it.
 */
export function HistoryTable({
  entries,
  rules,
  contactPointNames,
}: {
  entries: HistoryEntry[];
  /** For each value's unit; undefined while the rules load. */
  rules: AlertRule[] | undefined;
  contactPointNames: ReadonlyMap<string, string> | undefined;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const metricOf = (ruleId: string) => rules?.find((rule) => rule.id === ruleId)?.metricType;
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="table-wrap">
      <table className="table alert-history-table">
        <caption className="visually-hidden">State changes, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Rule</th>
            <th scope="col">Change</th>
            <th scope="col">Value</th>
            <th scope="col">Labels</th>
            <th scope="col">Error</th>
            <th scope="col">
              <span className="visually-hidden">Deliveries</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            const panelId = `alert-history-deliveries-${entry.id}`;
            const metric = metricOf(entry.ruleId);
            return (
              <Fragment key={entry.id}>
                <tr>
                  <td className="alert-history-table__time">
                    <LocalTime iso={entry.occurredAt} />
                  </td>
                  <td>
                    <Link to={`/admin/alerts/${entry.ruleId}`}>{entry.ruleName}</Link>
                  </td>
                  <td>
                    <span className="alert-history-table__change">
                      <StateBadge state={entry.fromState} />
                      <span aria-label="to">→</span>
                      <StateBadge state={entry.toState} />
                    </span>
                  </td>
                  <td className="alert-history-table__value">
                    {valueText(metric, entry.value)}
                    <span className="text-muted">
                      {' '}
                      (threshold {valueText(metric, entry.threshold)})
                    </span>
                  </td>
                  <td>
                    <Labels labels={entry.labels} />
                  </td>
                  <td className="alert-history-table__error">
                    {entry.error ?? <span className="text-muted">—</span>}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-expanded={expanded}
                      aria-controls={expanded ? panelId : undefined}
                      aria-label={`Deliveries of ${entry.ruleName} becoming ${stateLabel(entry.toState).toLowerCase()} at ${formatLocalTime(entry.occurredAt)}`}
                      onClick={() => toggle(entry.id)}
                    >
                      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> Deliveries
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr className="alert-history-table__panel">
                    <td colSpan={COLUMNS} id={panelId}>
                      <ChangeDeliveries
                        historyId={entry.id}
                        contactPointNames={contactPointNames}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
