import { Injectable, NestMiddleware } from '@nestjs/common';
import { SpanStatusCode } from '@opentelemetry/api';
import { traceOf } from '../../common/context/trace-id';
import { API_PREFIX, apiPath } from '../../common/http/api-prefix';
import { OtelExport } from './otel-export';

const API_ROOT = `/${API_PREFIX}/`;
/** Health probes poll often and are not logged either (the Prometheus scrape is outside /api). */
const UNTRACED = [apiPath('health')];

interface TracedRequest {
  method: string;
  originalUrl: string;
  protocol?: string;
  headers: Record<string, string | string[] | undefined>;
  route?: { path?: unknown };
}

interface TracedResponse {
  statusCode: number;
  writableFinished: boolean;
  getHeader(name: string): unknown;
  once(event: 'close', listener: () => void): unknown;
}

/** The route template (`/api/v1/transactions/:id`) once Express matched one; never the raw URL. */
function routeOf(request: TracedRequest): string | undefined {
  const path = request.route?.path;
  return typeof path === 'string' && path.startsWith('/') && !path.includes('*') ? path : undefined;
}

export function isTraced(url: string): boolean {
  return url.startsWith(API_ROOT) && !UNTRACED.some((prefix) => url.startsWith(prefix));
}

/**
 * One server span per API request, with the request's own trace and span IDs (so the span is
 * the one `X-Trace-Id`, the stored logs and outgoing `traceparent` headers name), named
 * `METHOD route` once the route is known, ended when the answer is sent or the client leaves.
 * A middleware, like request timing: the guards' 401s and 403s are requests too.
 */
@Injectable()
export class RequestSpansMiddleware implements NestMiddleware {
  constructor(private readonly otel: OtelExport) {}

  use(request: TracedRequest, response: TracedResponse, next: () => void): void {
    if (isTraced(request.originalUrl)) this.trace(request, response);
    next();
  }

  private trace(request: TracedRequest, response: TracedResponse): void {
    const { traceId, context } = traceOf(request);
    const userAgent = request.headers['user-agent'];
    const span = this.otel.startRequestSpan(context, request.method, {
      'http.request.method': request.method,
      'url.path': request.originalUrl.split('?')[0],
      'url.scheme': request.protocol ?? 'http',
      ...(typeof userAgent === 'string' && { 'user_agent.original': userAgent }),
      // The ID the answer's X-Trace-Id and the stored logs show, when it is not the W3C one.
      ...(traceId !== context.traceId && { 'ledgerlens.trace_id': traceId }),
    });
    if (!span) return;
    response.once('close', () => {
      const route = routeOf(request);
      if (route) {
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      if (response.writableFinished) {
        span.setAttribute('http.response.status_code', response.statusCode);
        if (response.statusCode >= 500) {
          span.setAttribute('error.type', String(response.statusCode));
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
      } else {
        span.setAttribute('error.type', 'client_closed_request');
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'client closed the connection' });
      }
      this.otel.endRequestSpan(context.spanId, span);
    });
  }
}
