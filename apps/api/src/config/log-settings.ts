import { LOG_LEVELS, LOG_SOURCES } from '@ledgerlens/contracts';
import type { RedactionOptions, RedactionPattern } from '@ledgerlens/redaction';
import { validateCronExpression } from 'cron';
import type { AppConfig } from './app-config';

/** Keeps logs whose `field` equals `value` for `days` days. */
export interface RetentionRule {
  field: 'level' | 'source';
  value: string;
  days: number;
}

const ALLOWED_VALUES: Record<RetentionRule['field'], readonly string[]> = {
  level: LOG_LEVELS,
  source: LOG_SOURCES,
};

/** LOG_RETENTION_OVERRIDES as rules (its shape is checked by the config schema). */
export function retentionRulesOf(
  config: Pick<AppConfig, 'LOG_RETENTION_OVERRIDES'>,
): RetentionRule[] {
  return config.LOG_RETENTION_OVERRIDES.split(',')
    .filter(Boolean)
    .map((rule) => {
      const [selector, days] = rule.split('=');
      const [field, value] = selector.split(':') as [RetentionRule['field'], string];
      return { field, value, days: Number(days) };
    });
}

/** Password hashes are secrets too, wherever they show up (query parameters, say). */
const PASSWORD_HASH: RedactionPattern = {
  name: 'password_hash',
  pattern: /\$(?:2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}|argon2(?:id|i|d)\$[^\s"']+)/,
};

function extraPatternsOf(config: Pick<AppConfig, 'REDACT_EXTRA_PATTERNS'>): RedactionPattern[] {
  if (!config.REDACT_EXTRA_PATTERNS.trim()) return [];
  const parsed: unknown = JSON.parse(config.REDACT_EXTRA_PATTERNS);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('expected a JSON object of name to regular expression');
  }
  return Object.entries(parsed).map(([name, source]) => {
    if (typeof source !== 'string') throw new Error(`the pattern of "${name}" is not a string`);
    return { name, pattern: new RegExp(source) };
  });
}

/** The API's redaction settings: the built-in rules plus password hashes and the configured extras. */
export function redactionOptionsOf(
  config: Pick<AppConfig, 'REDACT_EXTRA_KEYS' | 'REDACT_EXTRA_PATTERNS'>,
): RedactionOptions {
  return {
    extraKeys: config.REDACT_EXTRA_KEYS.split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    extraPatterns: [PASSWORD_HASH, ...extraPatternsOf(config)],
  };
}

/** What the class-validator schema cannot check: values inside the compound settings. */
export function logSettingProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  for (const rule of retentionRulesOf(config)) {
    const allowed = ALLOWED_VALUES[rule.field] as readonly string[] | undefined;
    // No `allowed` list: the override is malformed, which the schema already reports.
    if (allowed && !allowed.includes(rule.value)) {
      problems.push(
        `LOG_RETENTION_OVERRIDES: ${rule.field} "${rule.value}" is not one of ${allowed.join(', ')}`,
      );
    }
  }
  const cron = validateCronExpression(config.LOG_ARCHIVE_CRON);
  if (!cron.valid) {
    problems.push(`LOG_ARCHIVE_CRON: not a cron expression (${cron.error?.message})`);
  }
  try {
    extraPatternsOf(config);
  } catch (error) {
    problems.push(`REDACT_EXTRA_PATTERNS: ${(error as Error).message}`);
  }
  return problems;
}
