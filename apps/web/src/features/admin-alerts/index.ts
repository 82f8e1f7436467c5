/** The alert rules feature's public surface: other features import only these. */
export { alertKeys } from './api/alert-keys';
export { type AlertRule, useAlertRules, useContactPoints } from './api/alert-queries';
export { StateBadge } from './components/StateBadge';
export { formatValue, labelsText } from './rule-text';
