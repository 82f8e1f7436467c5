import {
  FLAG_RANDOM,
  newSpanId,
  newTraceId,
  parseTraceparent,
  parseTracestate,
  TraceContext,
} from './trace-context';

const TRACE_ID_HEADER = /^[A-Za-z0-9._-]{1,128}$/;
const W3C_TRACE_ID = /^(?!0+$)[0-9a-f]{32}$/;

type Headers = Record<string, string | string[] | undefined>;

/** Several header lines of one name, combined as RFC 7230 says (Node already does for its own). */
function combined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/** The trace ID of a W3C `traceparent`, or undefined when the header is not valid. */
export function traceIdFromTraceparent(header: string | undefined): string | undefined {
  return parseTraceparent(header)?.traceId;
}

/** How a request is traced: the ID it is known by, and its W3C trace context. */
export interface RequestTrace {
  /**
   * The ID logs, errors and `X-Trace-Id` show: the W3C trace ID, or the caller's `X-Trace-Id`
   * when no valid traceparent came (which may then differ from the W3C trace ID).
   */
  traceId: string;
  context: TraceContext;
}

/**
 * A valid traceparent continues the caller's trace (with its tracestate, when valid); otherwise
 * the trace starts here and any tracestate is ignored, as the specification requires. Without a
 * traceparent, a well-formed X-Trace-Id still names the request; it is the W3C trace ID too when
 * it has that shape (its randomness unknown, so without the random flag).
 */
export function resolveTrace(headers: Headers): RequestTrace {
  const spanId = newSpanId();
  const parent = parseTraceparent(combined(headers['traceparent']));
  if (parent) {
    const { traceId, parentId, flags } = parent;
    const tracestate = parseTracestate(combined(headers['tracestate'])) ?? [];
    return { traceId, context: { traceId, parentId, spanId, flags, tracestate } };
  }
  const fromHeader = combined(headers['x-trace-id'])?.trim();
  const named = fromHeader && TRACE_ID_HEADER.test(fromHeader) ? fromHeader : undefined;
  if (named && W3C_TRACE_ID.test(named)) {
    return { traceId: named, context: { traceId: named, spanId, flags: 0, tracestate: [] } };
  }
  const traceId = newTraceId();
  return {
    traceId: named ?? traceId,
    context: { traceId, spanId, flags: FLAG_RANDOM, tracestate: [] },
  };
}

/** traceparent first, then X-Trace-Id, else a fresh 32-hex ID. */
export function resolveTraceId(headers: Headers): string {
  return resolveTrace(headers).traceId;
}

const TRACE = Symbol('trace');

/**
 * How a request is traced, resolved once and kept on the request object, so the logger's
 * middleware and the request-context middleware agree whichever runs first.
 */
export function traceOf(request: { headers: Headers; [TRACE]?: RequestTrace }): RequestTrace {
  request[TRACE] ??= resolveTrace(request.headers);
  return request[TRACE];
}

/** The ID a request is known by in logs, errors and `X-Trace-Id`. */
export function traceIdOf(request: { headers: Headers; [TRACE]?: RequestTrace }): string {
  return traceOf(request).traceId;
}
