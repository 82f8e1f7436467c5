import { AppConfig } from '../../../config/app-config';
import { RetentionRule, retentionRulesOf } from '../../../config/log-settings';
import { SqlConditions } from '../../../common/sql/sql-conditions';

/**
 * How long stored logs are kept: a log matching one or more rules keeps the longest of their
 * days; a log matching none keeps `defaultDays`.
 */
export interface RetentionPolicy {
  defaultDays: number;
  rules: RetentionRule[];
}

/** The columns a rule may test; rules come from configuration, so nothing else reaches SQL. */
const RULE_COLUMNS: Record<RetentionRule['field'], string> = {
  level: 'level',
  source: 'source',
};

function checkedDays(days: number): number {
  if (!Number.isInteger(days) || days < 0) {
    throw new Error(`A retention must be a whole number of days, got ${days}`);
  }
  return days;
}

function columnOf(rule: RetentionRule): string {
  const column = RULE_COLUMNS[rule.field];
  if (!column) throw new Error(`Retention rules cannot test "${rule.field}"`);
  return column;
}

/** LOG_RETENTION_DAYS and LOG_RETENTION_OVERRIDES, read now (each run reads them afresh). */
export function retentionPolicyOf(
  config: Pick<AppConfig, 'LOG_RETENTION_DAYS' | 'LOG_RETENTION_OVERRIDES'>,
): RetentionPolicy {
  return { defaultDays: config.LOG_RETENTION_DAYS, rules: retentionRulesOf(config) };
}

/** The fewest days any log is kept: a day older than that may hold expired logs. */
export function shortestRetention(policy: RetentionPolicy): number {
  return Math.min(policy.defaultDays, ...policy.rules.map((rule) => rule.days));
}

/**
 * SQL for the days a row of `app_logs` is kept, e.g.
 * `COALESCE(GREATEST(CASE WHEN level = $1 THEN $2::int END, …), $3::int)`; every value is bound.
 */
export function retentionDaysSql(policy: RetentionPolicy, parameters: SqlConditions): string {
  const defaultDays = `${parameters.param(checkedDays(policy.defaultDays))}::int`;
  if (policy.rules.length === 0) return defaultDays;
  const matches = policy.rules.map(
    (rule) =>
      `CASE WHEN ${columnOf(rule)} = ${parameters.param(rule.value)} ` +
      `THEN ${parameters.param(checkedDays(rule.days))}::int END`,
  );
  return `COALESCE(GREATEST(${matches.join(', ')}), ${defaultDays})`;
}

/**
 * SQL condition: the row's retention has run out on `today` (a UTC date, `YYYY-MM-DD`), i.e. it
 * was logged before midnight UTC of `today` minus its retention days.
 */
export function expiredSql(
  policy: RetentionPolicy,
  today: string,
  parameters: SqlConditions,
): string {
  const cutoffDay = `${parameters.param(today)}::date - ${retentionDaysSql(policy, parameters)}`;
  return `logged_at < (${cutoffDay})::timestamp AT TIME ZONE 'UTC'`;
}
