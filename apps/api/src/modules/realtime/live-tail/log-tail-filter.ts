import {
  LIVE_TAIL_LIMITS,
  LOG_LEVELS,
  LOG_SEVERITY_NUMBERS,
  LOG_SOURCES,
  LogLevel,
  LogTailFilter,
} from '@ledgerlens/contracts';
import type { AppLogRecord } from '../../logging';

export type FilterProblems = Record<string, string[]>;

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

function textProblem(value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty string';
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  return undefined;
}

/**
 * Reads a client's filter as the HTTP API would read its query: every problem named per field,
 * unknown fields refused. No filter (or `{}`) tails every line.
 */
export function parseLogTailFilter(
  input: unknown,
): { filter: LogTailFilter } | { problems: FilterProblems } {
  if (input === undefined || input === null) return { filter: {} };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { problems: { filter: ['must be an object'] } };
  }
  const { level, minLevel, source, module, traceId, ...unknown } = input as Record<string, unknown>;
  const problems: FilterProblems = {};
  const filter: LogTailFilter = {};
  for (const field of Object.keys(unknown)) {
    problems[field] = ['is not a filter: use level, minLevel, source, module or traceId'];
  }
  if (level !== undefined) {
    const levels = Array.isArray(level) ? level : [level];
    if (levels.length > 0 && levels.every((item) => isOneOf(LOG_LEVELS, item))) {
      filter.level = [...new Set(levels as LogLevel[])];
    } else {
      problems['level'] = [`must be one or more of ${LOG_LEVELS.join(', ')}`];
    }
  }
  if (minLevel !== undefined) {
    if (isOneOf(LOG_LEVELS, minLevel)) filter.minLevel = minLevel;
    else problems['minLevel'] = [`must be one of ${LOG_LEVELS.join(', ')}`];
  }
  if (source !== undefined) {
    if (isOneOf(LOG_SOURCES, source)) filter.source = source;
    else problems['source'] = [`must be one of ${LOG_SOURCES.join(', ')}`];
  }
  for (const [field, value, maxLength] of [
    ['module', module, LIVE_TAIL_LIMITS.moduleLength],
    ['traceId', traceId, LIVE_TAIL_LIMITS.traceIdLength],
  ] as const) {
    if (value === undefined) continue;
    const problem = textProblem(value, maxLength);
    if (problem) problems[field] = [problem];
    else filter[field] = value as string;
  }
  return Object.keys(problems).length > 0 ? { problems } : { filter };
}

export type TailedLine = Pick<AppLogRecord, 'level' | 'source' | 'module' | 'traceId'>;

/** Whether a stored line passes the filter; made once per subscription, run per line. */
export function lineMatcher(filter: LogTailFilter): (line: TailedLine) => boolean {
  const levels = filter.level ? new Set<LogLevel>(filter.level) : undefined;
  const minSeverity = filter.minLevel ? LOG_SEVERITY_NUMBERS[filter.minLevel] : 0;
  return (line) =>
    (!levels || levels.has(line.level)) &&
    LOG_SEVERITY_NUMBERS[line.level] >= minSeverity &&
    (filter.source === undefined || line.source === filter.source) &&
    (filter.module === undefined || line.module === filter.module) &&
    (filter.traceId === undefined || line.traceId === filter.traceId);
}
