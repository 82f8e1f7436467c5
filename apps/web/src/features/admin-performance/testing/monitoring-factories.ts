import type {
  EndpointErrorRate,
  ErrorRates,
  MetricPoint,
  MetricSeries,
  MonitoringOverview,
  SlowQuery,
  SlowQueryPage,
  SlowRequest,
  SlowRequestPage,
} from '../api/types';

let sequence = 0;
const nextId = () => String(++sequence);

export function aPoint(overrides: Partial<MetricPoint> = {}): MetricPoint {
  return {
    start: '2026-11-21T10:00:00.000Z',
    count: 60,
    clientErrors: 3,
    serverErrors: 0,
    errorRate: 0.05,
    meanMs: 40,
    p50Ms: 25,
    p95Ms: 125,
    p99Ms: 250,
    maxMs: 400,
    ...overrides,
  };
}

/** A point with no requests, as the API sends empty periods. */
export const anEmptyPoint = (start: string): MetricPoint =>
  aPoint({
    start,
    count: 0,
    clientErrors: 0,
    serverErrors: 0,
    errorRate: null,
    meanMs: null,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    maxMs: null,
  });

export function aSeries(
  points: MetricPoint[],
  overrides: Partial<MetricSeries> = {},
): MetricSeries {
  return {
    metricType: 'http_request',
    name: null,
    period: '1m',
    from: points[0]?.start ?? '2026-11-21T10:00:00.000Z',
    to: '2026-11-21T11:00:00.000Z',
    points,
    ...overrides,
  };
}

export function aSlowRequest(overrides: Partial<SlowRequest> = {}): SlowRequest {
  const id = nextId();
  return {
    id,
    startedAt: '2026-11-21T10:15:30.123Z',
    durationMs: 1_250,
    traceId: `${id}`.padStart(32, 'a'),
    userId: null,
    instance: 'api-1',
    logsUrl: null,
    method: 'GET',
    route: '/api/v1/transactions',
    statusCode: 200,
    ...overrides,
  };
}

export function aSlowQuery(overrides: Partial<SlowQuery> = {}): SlowQuery {
  const id = nextId();
  return {
    id,
    startedAt: '2026-11-21T10:16:00.000Z',
    durationMs: 320,
    traceId: `${id}`.padStart(32, 'b'),
    userId: null,
    instance: 'api-1',
    logsUrl: null,
    kind: 'SELECT',
    statement: 'SELECT * FROM "transactions" WHERE "user_id" = $1',
    params: null,
    endpoint: 'GET /api/v1/transactions',
    ...overrides,
  };
}

export const aPage = <T>(items: T[], total = items.length) => ({
  items,
  total,
  page: 1,
  limit: 20,
});

export const aSlowRequestPage = (items: SlowRequest[], total?: number): SlowRequestPage =>
  aPage(items, total);
export const aSlowQueryPage = (items: SlowQuery[], total?: number): SlowQueryPage =>
  aPage(items, total);

export function anEndpointRate(overrides: Partial<EndpointErrorRate> = {}): EndpointErrorRate {
  return {
    endpoint: 'GET /api/v1/transactions',
    requests: 200,
    clientErrors: 6,
    serverErrors: 4,
    errorRate: 0.05,
    serverErrorRate: 0.02,
    p95Ms: 160,
    previousRequests: 180,
    previousErrorRate: 0.01,
    errorRateChange: 0.04,
    trend: 'rising',
    ...overrides,
  };
}

export function errorRates(items: EndpointErrorRate[]): ErrorRates {
  return {
    from: '2026-11-21T10:00:00.000Z',
    to: '2026-11-21T11:00:00.000Z',
    previousFrom: '2026-11-21T09:00:00.000Z',
    period: '1m',
    items,
  };
}

export function anOverview(overrides: Partial<MonitoringOverview> = {}): MonitoringOverview {
  return {
    from: '2026-11-21T10:00:00.000Z',
    to: '2026-11-21T11:00:00.000Z',
    period: '1m',
    requests: {
      total: 1_200,
      perMinute: 20,
      clientErrors: 30,
      serverErrors: 6,
      errorRate: 0.03,
      serverErrorRate: 0.005,
      endpoints: 12,
      meanMs: 50,
      p50Ms: 25,
      p95Ms: 200,
      p99Ms: 500,
      maxMs: 2_000,
    },
    queries: { total: 5_000, perMinute: 83, meanMs: 3, p50Ms: 2, p95Ms: 16, p99Ms: 40, maxMs: 900 },
    slowRequests: 4,
    slowQueries: 2,
    slowRequestMs: 1_000,
    slowQueryMs: 200,
    instances: 1,
    slowestEndpoint: null,
    mostFailingEndpoint: null,
    busiestEndpoint: null,
    ...overrides,
  };
}
