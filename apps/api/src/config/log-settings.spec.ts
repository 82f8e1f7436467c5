import { createRedactor } from '@ledgerlens/redaction';
import { ConfigValidationError, loadConfig } from './app-config';
import { redactionOptionsOf, retentionRulesOf } from './log-settings';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
}

describe('log settings', () => {
  it('reads retention overrides as rules', () => {
    const config = loadConfig({ LOG_RETENTION_OVERRIDES: 'level:error=180,source:frontend=30' });
    expect(retentionRulesOf(config)).toEqual([
      { field: 'level', value: 'error', days: 180 },
      { field: 'source', value: 'frontend', days: 30 },
    ]);
    expect(retentionRulesOf(loadConfig({}))).toEqual([]);
  });

  it('names a malformed override, an unknown level and a bad pattern', () => {
    expect(problemsOf({ LOG_RETENTION_OVERRIDES: 'errors for a year' })[0]).toMatch(
      /^LOG_RETENTION_OVERRIDES: LOG_RETENTION_OVERRIDES must look like level:error=180/,
    );
    expect(problemsOf({ LOG_RETENTION_OVERRIDES: 'level:loud=10' })).toEqual([
      'LOG_RETENTION_OVERRIDES: level "loud" is not one of trace, debug, info, warn, error, fatal',
    ]);
    expect(problemsOf({ REDACT_EXTRA_PATTERNS: '{"iban":"(["}' })[0]).toMatch(
      /^REDACT_EXTRA_PATTERNS: .*Invalid regular expression/,
    );
    expect(problemsOf({ LOG_ARCHIVE_CRON: 'every night' })[0]).toMatch(
      /^LOG_ARCHIVE_CRON: not a cron expression/,
    );
    expect(problemsOf({ REDACT_EXTRA_PATTERNS: '["x"]' })).toEqual([
      'REDACT_EXTRA_PATTERNS: expected a JSON object of name to regular expression',
    ]);
  });

  it('redacts configured keys and patterns, and password hashes, besides the built-in rules', () => {
    const redactor = createRedactor(
      redactionOptionsOf(
        loadConfig({
          REDACT_EXTRA_KEYS: 'memberNo, iban',
          REDACT_EXTRA_PATTERNS: '{"iban":"\\\\bDE\\\\d{20}\\\\b"}',
        }),
      ),
    );
    const hash = '$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234';
    expect(
      redactor.redact({
        memberNo: 'M-1',
        note: `pay DE89370400440532013000 now, hash ${hash}`,
        password: 'x',
      }),
    ).toEqual({
      memberNo: '[REDACTED]',
      note: 'pay [REDACTED:iban] now, hash [REDACTED:password_hash]',
      password: '[REDACTED]',
    });
  });
});
