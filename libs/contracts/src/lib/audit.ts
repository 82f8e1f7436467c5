/** Who or what produced an audit event. */
export const AUDIT_SOURCES = ['api-service', 'background-job', 'frontend', 'system'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

export const AUDIT_CATEGORIES = [
  'authentication',
  'user_management',
  'roles',
  'data',
  'settings',
  'admin',
  'error',
] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_RESULTS = ['success', 'failure', 'warning'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** In increasing order of gravity. */
export const AUDIT_SEVERITIES = ['INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];

/** The row operations the change history records. */
export const AUDIT_CHANGE_ACTIONS = ['INSERT', 'UPDATE', 'DELETE'] as const;
export type AuditChangeAction = (typeof AUDIT_CHANGE_ACTIONS)[number];

export const AUDIT_EXPORT_FORMATS = ['csv', 'json'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];
