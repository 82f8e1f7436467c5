/**
 * The table whose row history records each resource type of the action log. Only these tables
 * are audited row by row (see the audit-trail and alerting migrations); other resources have
 * an action log but no row history.
 */
const TABLE_OF_RESOURCE: Record<string, string> = {
  user: 'users',
  category: 'categories',
  transaction: 'transactions',
  budget: 'budgets',
  alert_rule: 'alert_configs',
  contact_point: 'notification_channels',
  alert_contact_point: 'notification_channels',
  alert_silence: 'alert_silences',
};

/** The audited table of a resource type, or null when its rows are not audited. */
export const tableOfResource = (resourceType: string | null): string | null =>
  (resourceType && TABLE_OF_RESOURCE[resourceType]) || null;
