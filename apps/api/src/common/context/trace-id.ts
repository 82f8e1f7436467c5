import { randomBytes } from 'node:crypto';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const TRACE_ID_HEADER = /^[A-Za-z0-9._-]{1,128}$/;

/** The trace ID of a W3C `traceparent`, or undefined when the header is not valid. */
export function traceIdFromTraceparent(header: string | undefined): string | undefined {
  const match = header ? TRACEPARENT.exec(header.trim()) : null;
  if (!match) return undefined;
  const [, version, traceId, parentId] = match;
  if (version === 'ff' || /^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  return traceId;
}

export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

type Headers = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** traceparent first, then X-Trace-Id, else a fresh 32-hex ID. */
export function resolveTraceId(headers: Headers): string {
  const fromTraceparent = traceIdFromTraceparent(single(headers['traceparent']));
  if (fromTraceparent) return fromTraceparent;
  const fromHeader = single(headers['x-trace-id'])?.trim();
  if (fromHeader && TRACE_ID_HEADER.test(fromHeader)) return fromHeader;
  return newTraceId();
}

const TRACE_ID = Symbol('traceId');

/**
 * The trace ID of a request, resolved once and kept on the request object, so the logger's
 * middleware and the request-context middleware agree whichever runs first.
 */
export function traceIdOf(request: { headers: Headers; [TRACE_ID]?: string }): string {
  request[TRACE_ID] ??= resolveTraceId(request.headers);
  return request[TRACE_ID];
}
