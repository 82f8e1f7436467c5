import { Injectable } from '@nestjs/common';
import http, { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { RequestContext } from '../context/request-context';
import { outgoingTraceHeaders } from '../context/trace-context';
import {
  DestinationPolicy,
  DestinationRefusedError,
  guardedLookup,
  isAllowedAddress,
  PUBLIC_ONLY,
} from './destination-policy';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** A larger answer is cut off and the call fails: nothing the API calls has reason to send more. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface OutgoingRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** For the whole exchange, from connecting to the last byte of the answer. */
  timeoutMs?: number;
  destinations?: DestinationPolicy;
}

export interface OutgoingResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export type OutgoingFailure =
  | 'invalid url'
  | 'destination not allowed'
  | 'timed out'
  | 'connection failed'
  | 'response too large';

/** A call that got no (complete) answer; `reason` is safe to show, `cause` is for logs. */
export class OutgoingRequestError extends Error {
  constructor(
    readonly reason: OutgoingFailure,
    options?: { cause?: unknown },
  ) {
    super(`Outgoing request failed: ${reason}`, options);
    this.name = 'OutgoingRequestError';
  }
}

function failureOf(error: unknown, signal: AbortSignal): OutgoingRequestError {
  if (error instanceof OutgoingRequestError) return error;
  if (error instanceof DestinationRefusedError) {
    return new OutgoingRequestError('destination not allowed', { cause: error });
  }
  if (signal.aborted) return new OutgoingRequestError('timed out', { cause: error });
  return new OutgoingRequestError('connection failed', { cause: error });
}

function targetOf(target: string | URL): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch (error) {
    throw new OutgoingRequestError('invalid url', { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutgoingRequestError('invalid url');
  }
  return url;
}

/**
 * The API's one way to call other HTTP services (webhooks, SMS gateways, a conformance harness).
 * Every call carries the current request's W3C trace context (same trace, a new parent ID each
 * call, its tracestate), has a timeout and a size limit, follows no redirects, and goes only to
 * public addresses unless the caller's policy says otherwise.
 *
 * Built on node:http rather than fetch: node:http takes a DNS lookup per connection, so the
 * address check applies to the very address connected to (fetch would need undici's Agent).
 */
@Injectable()
export class OutgoingHttpClient {
  constructor(private readonly context: RequestContext) {}

  postJson(
    url: string | URL,
    payload: unknown,
    options: Omit<OutgoingRequestOptions, 'method' | 'body'> = {},
  ): Promise<OutgoingResponse> {
    return this.request(url, {
      ...options,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(payload),
    });
  }

  async request(
    target: string | URL,
    {
      method = 'GET',
      headers = {},
      body,
      timeoutMs = DEFAULT_TIMEOUT_MS,
      destinations = PUBLIC_ONLY,
    }: OutgoingRequestOptions = {},
  ): Promise<OutgoingResponse> {
    const url = targetOf(target);
    // A literal IP is connected to without a lookup, so it is checked here.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) !== 0 && !isAllowedAddress(host, destinations)) {
      throw new OutgoingRequestError('destination not allowed');
    }
    const signal = AbortSignal.timeout(timeoutMs);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<OutgoingResponse>((resolve, reject) => {
      const fail = (error: unknown) => reject(failureOf(error, signal));
      const request = transport.request(
        url,
        {
          method,
          headers: {
            ...headers,
            ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
            ...outgoingTraceHeaders(this.context.traceContext),
          },
          // A connection of its own each time: a pooled socket would skip the lookup check.
          agent: false,
          lookup: guardedLookup(destinations),
          signal,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) {
              response.destroy(new OutgoingRequestError('response too large'));
            } else {
              chunks.push(chunk);
            }
          });
          response.on('error', fail);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      request.on('error', fail);
      request.end(body);
    });
  }
}
