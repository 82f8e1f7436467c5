import { ExceptionLevel, LogSource } from '@ledgerlens/contracts';
import type { Redactor } from '@ledgerlens/redaction';
import { ExceptionReport } from '../../../common/errors/exception-report';
import { exceptionTypeOf, messageWithoutType, typeOfThrown } from '../grouping/exception-type';
import { groupingOf } from '../grouping/fingerprint';

/** One occurrence, redacted and grouped, as the writer stores it. */
export interface Occurrence {
  fingerprint: string;
  title: string;
  type: string;
  culprit: string | null;
  level: ExceptionLevel;
  source: LogSource;
  /** ISO 8601. */
  occurredAt: string;
  message: string;
  stack: string | null;
  traceId: string | null;
  userId: string | null;
  requestMethod: string | null;
  requestPath: string | null;
  release: string | null;
  context: Record<string, unknown>;
}

/** What the capture knows besides the report: the current request, the release, the clock. */
export interface OccurrenceDefaults {
  redactor: Redactor;
  traceId?: string;
  userId?: string;
  release?: string;
  now: Date;
}

/** Sizes kept: column widths, and bounds on the large texts so one error cannot bloat a row. */
export const OCCURRENCE_LIMITS = {
  message: 16 * 1024,
  stack: 64 * 1024,
  contextBytes: 16 * 1024,
  thrownValue: 1000,
  traceId: 128,
  requestMethod: 10,
  requestPath: 2048,
  release: 64,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function cut(value: string | null | undefined, length: number): string | null {
  if (value === null || value === undefined || value === '') return null;
  return value.length > length ? value.slice(0, length) : value;
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** What an error carries besides its message and stack: its code and its cause. */
function detailsOf(error: Error): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') details['code'] = code;
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined) {
    details['cause'] =
      cause instanceof Error
        ? { type: typeOfThrown(cause), message: cause.message }
        : stringify(cause).slice(0, OCCURRENCE_LIMITS.thrownValue);
  }
  if (error instanceof AggregateError) details['errors'] = error.errors.length;
  return details;
}

/** Message, stack and details of anything thrown (a thrown string or object is its message). */
function describeThrown(value: unknown): { message: string; stack?: string; details: object } {
  if (value instanceof Error) {
    return { message: value.message, stack: value.stack, details: detailsOf(value) };
  }
  const message =
    typeof (value as { message?: unknown } | null)?.message === 'string'
      ? (value as { message: string }).message
      : stringify(value);
  return { message: message.slice(0, OCCURRENCE_LIMITS.thrownValue), details: {} };
}

/** A date the report gave, when valid, else now. */
function timeOf(value: Date | string | undefined, now: Date): string {
  const time = value === undefined ? now : new Date(value);
  return Number.isNaN(time.getTime()) ? now.toISOString() : time.toISOString();
}

/** The context as stored: redacted, and replaced by its size when it is too large. */
function boundedContext(context: Record<string, unknown>): Record<string, unknown> {
  const size = Buffer.byteLength(stringify(context));
  return size <= OCCURRENCE_LIMITS.contextBytes
    ? context
    : { origin: context['origin'], omitted: true, sizeBytes: size };
}

/**
 * The occurrence a report describes, redacted (message, stack, path, context) and grouped. The
 * message is redacted before the fingerprint and title are made from it, so no secret reaches
 * the group either.
 */
export function occurrenceOf(report: ExceptionReport, defaults: OccurrenceDefaults): Occurrence {
  const { redactor } = defaults;
  const thrown =
    report.error !== undefined ? describeThrown(report.error) : { message: '', details: {} };
  const rawMessage = report.message ?? thrown.message;
  const rawStack = report.stack ?? thrown.stack;
  const context: Record<string, unknown> = {
    origin: report.origin,
    ...thrown.details,
    ...report.context,
  };
  const type =
    report.type ??
    (report.error !== undefined
      ? typeOfThrown(report.error)
      : exceptionTypeOf(rawMessage, rawStack, context['errorType']));
  const message = redactor
    .redactText(report.error !== undefined ? rawMessage : messageWithoutType(rawMessage, type))
    .slice(0, OCCURRENCE_LIMITS.message);
  const stack = rawStack ? redactor.redactText(rawStack).slice(0, OCCURRENCE_LIMITS.stack) : null;
  const source = report.source ?? 'backend';
  const override = report.fingerprint ?? fingerprintOf(context['fingerprint']);
  const grouping = groupingOf({ source, type, message, stack, override });
  const userId = report.userId !== undefined ? report.userId : defaults.userId;
  const path = report.request?.path;
  return {
    fingerprint: grouping.fingerprint,
    title: grouping.title,
    type: grouping.type,
    culprit: grouping.culprit,
    level: report.level ?? 'error',
    source,
    occurredAt: timeOf(report.occurredAt, defaults.now),
    message,
    stack,
    traceId: cut(
      report.traceId !== undefined ? report.traceId : defaults.traceId,
      OCCURRENCE_LIMITS.traceId,
    ),
    userId: typeof userId === 'string' && UUID.test(userId) ? userId : null,
    requestMethod: cut(report.request?.method, OCCURRENCE_LIMITS.requestMethod),
    requestPath: cut(path ? redactor.redactText(path) : null, OCCURRENCE_LIMITS.requestPath),
    release: cut(
      report.release !== undefined ? report.release : defaults.release,
      OCCURRENCE_LIMITS.release,
    ),
    context: boundedContext(redactor.redact(context)),
  };
}

/** A fingerprint override given in a context: a string or an array of strings. */
function fingerprintOf(value: unknown): string | string[] | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((part) => typeof part === 'string')) return value;
  return undefined;
}
