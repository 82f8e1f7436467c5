import { type BrowserLogEntry, LOG_ENTRY_TEXT_LIMITS, type LogLevel } from '@ledgerlens/contracts';
import type { Redactor } from '@ledgerlens/redaction';
import { TEXT_BYTE_LIMIT, TRACE_ID, truncateChars, truncateUtf8, utf8Bytes } from './wire-limits';

/** Structured context of an entry: any values; secrets are redacted, the rest made JSON. */
export type LogContext = Record<string, unknown>;

/** Fields a child logger puts on every entry it makes. */
export interface LogFields {
  /** Where in the SPA, e.g. `TransactionsPage`. */
  module?: string;
  /** Trace ID of the API request the entry is about. */
  traceId?: string;
  requestMethod?: string;
  requestPath?: string;
  statusCode?: number;
  durationMs?: number;
  /** Merged into each entry's context (the entry's own keys win). */
  context?: LogContext;
}

export interface EntryDraft {
  level: LogLevel;
  message: string;
  stack?: string;
  fields: LogFields;
  context?: LogContext;
}

export interface EntryEnvironment {
  redactor: Redactor;
  now: () => number;
  randomId: () => string;
  sessionId: string;
  release?: string;
  currentUrl: () => string | undefined;
}

/** Makes a wire entry, redacted and within the API's limits, from what the SPA logged. */
export type EntryFactory = (draft: EntryDraft) => BrowserLogEntry;

/** A context larger than this is left out: one entry must never approach a request's 1 MB. */
export const MAX_CONTEXT_BYTES = 32 * 1024;

/**
 * Text the API accepts: it refuses a whole batch holding a NUL or an unpaired surrogate, which
 * PostgreSQL cannot store, so those become U+FFFD here.
 */
export function storableText(text: string): string {
  return text.toWellFormed().replaceAll('\u0000', '\ufffd');
}

/** JSON for values `JSON.stringify` would lose or choke on, with storable text. */
function jsonCompatible(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}

function contextOf(context: LogContext, redactor: Redactor): LogContext | undefined {
  if (Object.keys(context).length === 0) return undefined;
  // Redact first: errors become plain objects there, which JSON would turn into `{}`.
  const json = JSON.stringify(redactor.redact(context), jsonCompatible);
  const bytes = utf8Bytes(json);
  if (bytes > MAX_CONTEXT_BYTES)
    return { contextOmitted: { bytes, limitBytes: MAX_CONTEXT_BYTES } };
  return JSON.parse(json) as LogContext;
}

const isStatusCode = (value: number | undefined) =>
  Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599;

const isDuration = (value: number | undefined) => Number.isFinite(value) && (value as number) >= 0;

/** The entry without the optional fields that have no value. */
function withoutUndefined(entry: BrowserLogEntry): BrowserLogEntry {
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined),
  ) as unknown as BrowserLogEntry;
}

export function createEntryFactory(env: EntryEnvironment): EntryFactory {
  const { redactor } = env;
  // Redaction runs before truncation, so a cut can never leave half a secret unrecognised.
  const text = (value: string | undefined, maxChars: number) =>
    value === undefined
      ? undefined
      : truncateChars(storableText(redactor.redactText(value)), maxChars);
  const bytes = (value: string | undefined) =>
    value === undefined
      ? undefined
      : truncateUtf8(storableText(redactor.redactText(value)), TEXT_BYTE_LIMIT);

  return ({ level, message, stack, fields, context }) =>
    withoutUndefined({
      clientId: env.randomId(),
      timestamp: new Date(env.now()).toISOString(),
      level,
      message: bytes(String(message)) as string,
      stack: bytes(stack),
      module: text(fields.module, LOG_ENTRY_TEXT_LIMITS.module),
      // A trace ID the API would refuse is left out rather than sink the whole batch.
      traceId: fields.traceId && TRACE_ID.test(fields.traceId) ? fields.traceId : undefined,
      sessionId: truncateChars(env.sessionId, LOG_ENTRY_TEXT_LIMITS.sessionId),
      url: text(env.currentUrl(), LOG_ENTRY_TEXT_LIMITS.url),
      release: text(env.release, LOG_ENTRY_TEXT_LIMITS.release),
      requestMethod: text(fields.requestMethod, LOG_ENTRY_TEXT_LIMITS.requestMethod),
      requestPath: text(fields.requestPath, LOG_ENTRY_TEXT_LIMITS.requestPath),
      statusCode: isStatusCode(fields.statusCode) ? fields.statusCode : undefined,
      durationMs: isDuration(fields.durationMs)
        ? Math.round(fields.durationMs as number)
        : undefined,
      context: contextOf({ ...fields.context, ...context }, redactor),
    });
}
