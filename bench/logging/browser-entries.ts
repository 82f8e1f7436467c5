import { LOG_SEVERITY_NUMBERS, LogLevel } from '@ledgerlens/contracts';
import { randomUUID } from 'node:crypto';
import type { AppLogRecord } from '../../apps/api/src/modules/logging';
import { hex, next, pick, USER_AGENT } from './settings';

/**
 * What the web app sends to `POST /api/v1/logging/logs/batch`, made from the run's generator:
 * request bodies, the records the API stores of them, and the same records as COPY text.
 */

export const ENTRIES_PER_BATCH = 100;

const PAGES = ['TransactionsPage', 'DashboardPage', 'BudgetsPage', 'AccountsPage', 'LogViewer'];
const SESSIONS = Array.from({ length: 50 }, () => `s-${hex(16)}`);

/** One browser entry as the web app sends it: ~370 bytes of JSON with a small context. */
export function browserEntry(now: number) {
  const roll = next();
  const level: LogLevel =
    roll < 0.002
      ? 'fatal'
      : roll < 0.022
        ? 'error'
        : roll < 0.072
          ? 'warn'
          : roll < 0.6
            ? 'info'
            : 'debug';
  const page = pick(PAGES);
  const count = Math.floor(next() * 500);
  const durationMs = Math.floor(next() * 900);
  const message =
    level === 'error' || level === 'fatal'
      ? `Request ${count} to /api/v1/transactions failed with status 503 after ${durationMs} ms`
      : level === 'warn'
        ? `Slow render of ${page}: ${durationMs} ms for ${count} rows`
        : `Loaded ${count} transactions for account ${count % 7} in ${durationMs} ms`;
  return {
    clientId: randomUUID(),
    timestamp: new Date(now - Math.floor(next() * 5000)).toISOString(),
    level,
    message,
    module: page,
    traceId: next() < 0.3 ? hex(32) : undefined,
    sessionId: pick(SESSIONS),
    url: `http://localhost:4200/${page.replace('Page', '').toLowerCase()}?page=${count % 9}`,
    context: { component: `${page}Table`, rows: count, durationMs, online: true },
  };
}

type BrowserEntry = ReturnType<typeof browserEntry>;

export function batchBody(): string {
  const now = Date.now();
  return JSON.stringify({
    entries: Array.from({ length: ENTRIES_PER_BATCH }, () => browserEntry(now)),
  });
}

const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};
const copyValue = (value: string | number | null | undefined) =>
  value === null || value === undefined
    ? '\\N'
    : String(value).replace(/[\\\t\n\r]/g, (character) => COPY_ESCAPES[character]);

/** The record the API makes of an anonymous browser entry (LogIngestService.recordOf). */
export function recordOf(entry: BrowserEntry): AppLogRecord {
  return {
    loggedAt: entry.timestamp,
    level: entry.level,
    source: 'frontend',
    module: entry.module,
    message: entry.message,
    traceId: entry.traceId ?? null,
    userId: null,
    requestMethod: null,
    requestPath: null,
    statusCode: null,
    durationMs: null,
    extraData: {
      ...entry.context,
      sessionId: entry.sessionId,
      url: entry.url,
      userAgent: USER_AGENT,
      anonymous: true,
    },
    clientId: entry.clientId,
  };
}

/** A record as a line of COPY text. */
export function copyLine(record: AppLogRecord): string {
  return `${[
    record.loggedAt,
    record.level,
    LOG_SEVERITY_NUMBERS[record.level],
    record.source,
    record.module,
    record.message,
    record.traceId,
    record.userId,
    record.requestMethod,
    record.requestPath,
    record.statusCode,
    record.durationMs,
    JSON.stringify(record.extraData),
    record.clientId,
  ]
    .map(copyValue)
    .join('\t')}\n`;
}

/** Distinct request bodies, made before the timed run so that making them costs it nothing. */
const BODY_TEMPLATES = 200;
const CLIENT_ID_MARK = '"clientId":"';

/**
 * Bodies to send, each time with fresh client IDs (so every entry is new): the templates are
 * made once, cut at their client IDs, and joined again with new ones.
 */
export function bodySource(): () => string {
  const templates = Array.from({ length: BODY_TEMPLATES }, () =>
    batchBody()
      .split(CLIENT_ID_MARK)
      .map((part, index) => (index === 0 ? part : part.slice(36))),
  );
  let sent = 0;
  return () => {
    const parts = templates[sent++ % templates.length];
    let body = parts[0];
    for (let i = 1; i < parts.length; i++) body += `${CLIENT_ID_MARK}${randomUUID()}${parts[i]}`;
    return body;
  };
}
