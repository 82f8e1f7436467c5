import type { ExceptionGroup } from '../api/get-exception-groups';

const STATUS = {
  unresolved: { label: 'Unresolved', tone: 'danger' },
  resolved: { label: 'Resolved', tone: 'success' },
  ignored: { label: 'Ignored', tone: 'muted' },
} as const;

/** A group's status in words (the colour only repeats it), with its regression mark. */
export function StatusBadge({ group }: { group: Pick<ExceptionGroup, 'status' | 'regressed'> }) {
  const { label, tone } = STATUS[group.status];
  return (
    <span className="exception-status">
      <span className={`badge badge--${tone}`}>{label}</span>
      {group.regressed && (
        <span className="badge badge--warning" title="It occurred again after it was resolved">
          Regressed
        </span>
      )}
    </span>
  );
}
