export const auditKeys = {
  all: ['admin-audit'] as const,
  logs: (view: 'all' | 'errors', query: object) => [...auditKeys.all, 'logs', view, query] as const,
  log: (id: string) => [...auditKeys.all, 'log', id] as const,
  events: (query: object) => [...auditKeys.all, 'events', query] as const,
  changes: (table: string, rowId: string) => [...auditKeys.all, 'changes', table, rowId] as const,
  verification: () => [...auditKeys.all, 'verification'] as const,
};
