import { Injectable, NestMiddleware } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { API_PREFIX, PROMETHEUS_PATH } from '../../../common/http/api-prefix';
import { MetricsRecorder } from './metrics-recorder';

/** Requests that matched no route are counted under this route, never under their URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The route template a request matched; unmatched when it matched none or only the framework's
 * catch-all (the not-found handler is an Express route `*path`): API routes have no wildcards.
 */
export function routeTemplateOf(request: { route?: { path?: unknown } }): string {
  const path = request.route?.path;
  return typeof path === 'string' && path.startsWith('/') && !path.includes('*')
    ? path
    : UNMATCHED_ROUTE;
}

/** Requests a client abandoned before the answer was sent (nginx's convention). */
export const CLIENT_CLOSED_REQUEST = 499;

const SCRAPE_ROUTE = `/${PROMETHEUS_PATH}`;
const API_ROOT = `/${API_PREFIX}/`;

interface TimedRequest {
  method: string;
  originalUrl: string;
  route?: { path?: unknown };
  user?: { id?: string };
}

interface TimedResponse {
  statusCode: number;
  writableFinished: boolean;
  getHeader(name: string): unknown;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * Times every API request from its arrival to the end of its answer and reports it under its
 * route template (`/api/v1/transactions/:id`, read from Express once the route matched) with
 * its status. A middleware rather than an interceptor: interceptors run after the guards, so
 * they never see the 401s and 403s the guards answer (or 404s of unknown routes), and error
 * rates must count them.
 */
@Injectable()
export class RequestTimingMiddleware implements NestMiddleware {
  constructor(private readonly recorder: MetricsRecorder) {}

  use(request: TimedRequest, response: TimedResponse, next: () => void): void {
    const startedAt = performance.now();
    response.once('close', () => {
      const durationMs = performance.now() - startedAt;
      const route = routeTemplateOf(request);
      // Neither the scrape itself nor files outside the API (the SPA's) are API requests.
      if (route === SCRAPE_ROUTE) return;
      if (route === UNMATCHED_ROUTE && !request.originalUrl.startsWith(API_ROOT)) return;
      const traceId = response.getHeader('x-trace-id');
      this.recorder.recordRequest({
        method: request.method,
        route,
        status: response.writableFinished ? response.statusCode : CLIENT_CLOSED_REQUEST,
        durationMs,
        endedAtMs: Date.now(),
        traceId: typeof traceId === 'string' ? traceId : null,
        userId: request.user?.id ?? null,
      });
    });
    next();
  }
}
