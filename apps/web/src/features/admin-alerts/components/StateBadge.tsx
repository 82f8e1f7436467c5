import type { AlertSeverity, AlertState } from '@ledgerlens/contracts';

type Shown = AlertState | 'silenced';

const STATES: Record<Shown, { label: string; tone: string; meaning: string }> = {
  normal: { label: 'Normal', tone: 'success', meaning: 'The condition does not hold' },
  pending: {
    label: 'Pending',
    tone: 'warning',
    meaning: 'The condition holds, not yet for the pending period',
  },
  firing: { label: 'Firing', tone: 'danger', meaning: 'The condition holds: notified' },
  recovering: {
    label: 'Recovering',
    tone: 'warning',
    meaning: 'Stopped holding within the keep-firing period: still notified as firing',
  },
  nodata: { label: 'No data', tone: 'muted', meaning: 'Nothing was measured in the window' },
  error: { label: 'Error', tone: 'danger', meaning: 'The query failed' },
  silenced: { label: 'Silenced', tone: 'muted', meaning: 'A silence holds back its notifications' },
};

/** A state in words (the colour only repeats it), with what it means on hover. */
export function StateBadge({ state }: { state: Shown }) {
  const { label, tone, meaning } = STATES[state];
  return (
    <span className={`badge badge--${tone} alert-state alert-state--${state}`} title={meaning}>
      {label}
    </span>
  );
}

/** A rule's worst state, and whether an active silence holds back its notifications. */
export function RuleStateBadges({ state, silenced }: { state: AlertState; silenced: boolean }) {
  return (
    <span className="alert-badges">
      <StateBadge state={state} />
      {silenced && <StateBadge state="silenced" />}
    </span>
  );
}

const SEVERITIES: Record<AlertSeverity, { label: string; tone: string }> = {
  critical: { label: 'Critical', tone: 'danger' },
  warning: { label: 'Warning', tone: 'warning' },
  info: { label: 'Info', tone: 'muted' },
};

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  const { label, tone } = SEVERITIES[severity];
  return <span className={`badge badge--${tone} alert-severity`}>{label}</span>;
}
