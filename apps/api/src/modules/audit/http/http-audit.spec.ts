import { actionOfRoute } from './http-audit';

describe('actionOfRoute', () => {
  it.each([
    ['POST', '/api/v1/transactions', 'transaction', 'transaction.create', true],
    ['PATCH', '/api/v1/transactions/:id', 'transaction', 'transaction.update', true],
    ['PUT', '/api/v1/budgets/:id', 'budget', 'budget.update', true],
    ['DELETE', '/api/v1/categories/:id', 'category', 'category.delete', true],
    ['GET', '/api/v1/users', 'user', 'user.get', true],
    ['POST', '/api/v1/auth/login', 'auth', 'auth.login', false],
    ['GET', '/api/v1/audit-logs/export', 'audit_log', 'audit_log.export', false],
    ['POST', '/api/v1/logging/archive/run', 'logging', 'logging.archive.run', false],
    ['POST', '/elsewhere/things', 'elsewhere', 'elsewhere.things', false],
  ])('%s %s → %s, %s', (method, path, resourceType, action, derivedFromMethod) => {
    expect(actionOfRoute(method, path)).toEqual({ resourceType, action, derivedFromMethod });
  });
});
