import {
  expiredSql,
  retentionDaysSql,
  retentionPolicyOf,
  shortestRetention,
} from './retention-policy';
import { SqlConditions } from '../../../common/sql/sql-conditions';

describe('retention policy', () => {
  it('reads LOG_RETENTION_DAYS and LOG_RETENTION_OVERRIDES', () => {
    expect(
      retentionPolicyOf({
        LOG_RETENTION_DAYS: 90,
        LOG_RETENTION_OVERRIDES: 'level:error=180,source:frontend=30',
      }),
    ).toEqual({
      defaultDays: 90,
      rules: [
        { field: 'level', value: 'error', days: 180 },
        { field: 'source', value: 'frontend', days: 30 },
      ],
    });
  });

  it('knows the fewest days any log is kept, whether a rule or the default', () => {
    expect(shortestRetention({ defaultDays: 90, rules: [] })).toBe(90);
    const rules = [
      { field: 'level' as const, value: 'error', days: 180 },
      { field: 'source' as const, value: 'frontend', days: 30 },
    ];
    expect(shortestRetention({ defaultDays: 90, rules })).toBe(30);
    expect(shortestRetention({ defaultDays: 7, rules })).toBe(7);
  });

  it('keeps a log matching no rule for the default days', () => {
    const parameters = new SqlConditions();
    expect(retentionDaysSql({ defaultDays: 90, rules: [] }, parameters)).toBe('$1::int');
    expect(parameters.params).toEqual([90]);
  });

  it('keeps a log matching rules for the longest of them, binding every value', () => {
    const parameters = new SqlConditions();
    const sql = retentionDaysSql(
      {
        defaultDays: 90,
        rules: [
          { field: 'level', value: "error' OR true --", days: 180 },
          { field: 'source', value: 'frontend', days: 30 },
        ],
      },
      parameters,
    );
    expect(sql).toBe(
      'COALESCE(GREATEST(CASE WHEN level = $2 THEN $3::int END, ' +
        'CASE WHEN source = $4 THEN $5::int END), $1::int)',
    );
    expect(parameters.params).toEqual([90, "error' OR true --", 180, 'frontend', 30]);
  });

  it('compares logged_at with midnight UTC of today minus the retention', () => {
    const parameters = new SqlConditions();
    parameters.param('first');
    expect(expiredSql({ defaultDays: 90, rules: [] }, '2026-11-21', parameters)).toBe(
      `logged_at < ($2::date - $3::int)::timestamp AT TIME ZONE 'UTC'`,
    );
    expect(parameters.params).toEqual(['first', '2026-11-21', 90]);
  });

  it.each([
    ['a fraction of a day', { defaultDays: 1.5, rules: [] }],
    ['negative days', { defaultDays: 90, rules: [{ field: 'level', value: 'info', days: -1 }] }],
    ['another column', { defaultDays: 90, rules: [{ field: 'message', value: 'x', days: 9 }] }],
  ])('refuses %s', (_case, policy) => {
    expect(() =>
      retentionDaysSql(policy as Parameters<typeof retentionDaysSql>[0], new SqlConditions()),
    ).toThrow();
  });
});
