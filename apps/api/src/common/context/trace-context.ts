import { randomBytes } from 'node:crypto';

/**
 * W3C Trace Context (Level 1 REC, with the random flag of Level 2): reading the `traceparent`
 * and `tracestate` request headers exactly as the specification says, and writing the ones an
 * outgoing request carries. Pure functions; the request's context is resolved in trace-id.ts.
 */

/** The caller may have recorded trace data. */
export const FLAG_SAMPLED = 0x01;
/** Level 2: at least the right-most 7 bytes of the trace ID are random. */
export const FLAG_RANDOM = 0x02;
/** The flags this implementation knows; the others are reserved and MUST be sent as zero. */
const KNOWN_FLAGS = FLAG_SAMPLED | FLAG_RANDOM;

/** The version this implementation writes, whatever version it read. */
const VERSION = '00';

export interface Traceparent {
  version: string;
  traceId: string;
  parentId: string;
  /** All 8 bits as received; only the known ones are propagated. */
  flags: number;
}

/**
 * The first 55 characters of any version; version 00 must end there, a later version may go on
 * after a dash (fields it adds that this version knows nothing about).
 */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/s;
const ALL_ZEROS = /^0+$/;
/** Optional whitespace (RFC 7230 OWS) around a header value or a list member. */
const OWS = /^[ \t]+|[ \t]+$/g;

/** The parts of a `traceparent` header, or undefined when the specification says to ignore it. */
export function parseTraceparent(header: string | undefined): Traceparent | undefined {
  const match = header === undefined ? null : TRACEPARENT.exec(header.replace(OWS, ''));
  if (!match) return undefined;
  const [, version, traceId, parentId, flags, more] = match;
  if (version === 'ff' || (version === VERSION && more !== undefined)) return undefined;
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(parentId)) return undefined;
  return { version, traceId, parentId, flags: parseInt(flags, 16) };
}

/** A version 00 `traceparent`, reserved flags cleared. */
export function formatTraceparent({
  traceId,
  parentId,
  flags,
}: Pick<Traceparent, 'traceId' | 'parentId' | 'flags'>): string {
  const knownFlags = (flags & KNOWN_FLAGS).toString(16).padStart(2, '0');
  return `${VERSION}-${traceId}-${parentId}-${knownFlags}`;
}

export interface TracestateMember {
  key: string;
  value: string;
}

export const TRACESTATE_MAX_MEMBERS = 32;

// key = simple-key / multi-tenant-key. A simple key may start with a digit: the REC's note says
// so (its ABNF says a letter), and Level 2 settles on letter or digit.
const SIMPLE_KEY = /^[a-z0-9][a-z0-9_\-*/]{0,255}$/;
const MULTI_TENANT_KEY = /^[a-z0-9][a-z0-9_\-*/]{0,240}@[a-z][a-z0-9_\-*/]{0,13}$/;
// value = 0*255(chr) nblk-chr: printable ASCII but ',' and '=', not ending with a space.
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;

/**
 * The members of a (combined) `tracestate` header, in order; undefined when the list is invalid
 * and must be dropped whole: a malformed member, a repeated key, or more than 32 members. Empty
 * and whitespace-only members are allowed (they come from combining several header lines) and
 * are not counted.
 */
export function parseTracestate(header: string | undefined): TracestateMember[] | undefined {
  const members: TracestateMember[] = [];
  const keys = new Set<string>();
  for (const item of (header ?? '').split(',')) {
    const member = item.replace(OWS, '');
    if (member === '') continue;
    const equals = member.indexOf('=');
    if (equals < 0) return undefined;
    const key = member.slice(0, equals);
    const value = member.slice(equals + 1);
    if (!(SIMPLE_KEY.test(key) || MULTI_TENANT_KEY.test(key)) || !VALUE.test(value)) {
      return undefined;
    }
    if (keys.has(key) || members.length === TRACESTATE_MAX_MEMBERS) return undefined;
    keys.add(key);
    members.push({ key, value });
  }
  return members;
}

/** A `tracestate` header value (without optional whitespace). */
export function formatTracestate(members: readonly TracestateMember[]): string {
  return members.map(({ key, value }) => `${key}=${value}`).join(',');
}

/** A fresh 16-byte trace ID, all of it random (so the random flag may be set). */
export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** A fresh 8-byte span (parent) ID. */
export function newSpanId(): string {
  return randomBytes(8).toString('hex');
}

/** What a request knows of its place in a distributed trace. */
export interface TraceContext {
  /** The W3C trace ID: the caller's, or a new one when this request started the trace. */
  traceId: string;
  /** The caller's span (the incoming parent ID); absent when this request started the trace. */
  parentId?: string;
  /** This request's own span ID. */
  spanId: string;
  flags: number;
  /** The caller's valid tracestate, kept to be passed on; empty when none or invalid. */
  tracestate: TracestateMember[];
}

export interface OutgoingTraceHeaders {
  traceparent: string;
  tracestate?: string;
}

/**
 * The headers an outgoing request carries: the same trace ID and flags with a new parent ID (the
 * outgoing call is an operation of its own), and the tracestate unchanged. Outside a request
 * (no context), the call starts a trace of its own.
 */
export function outgoingTraceHeaders(context: TraceContext | undefined): OutgoingTraceHeaders {
  if (!context) {
    return {
      traceparent: formatTraceparent({
        traceId: newTraceId(),
        parentId: newSpanId(),
        flags: FLAG_RANDOM,
      }),
    };
  }
  const traceparent = formatTraceparent({
    traceId: context.traceId,
    parentId: newSpanId(),
    flags: context.flags,
  });
  return context.tracestate.length === 0
    ? { traceparent }
    : { traceparent, tracestate: formatTracestate(context.tracestate) };
}
