import type { EndpointErrorRate, SlowQuery, SlowRequest } from './api/types';
import { formatMs, formatPointChange, formatRatio } from './format';

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
const isHttpMethod = (name: string): name is HttpMethod =>
  (HTTP_METHODS as readonly string[]).includes(name);

/**
 * An endpoint as the metrics name it (`GET /api/v1/transactions/:id`) split into the slow
 * request filters; `null` when it is not "METHOD /route".
 */
export function splitEndpoint(endpoint: string): { method: HttpMethod; route: string } | null {
  const [, method, route] = /^([A-Z]+) (\/\S*)$/.exec(endpoint.trim()) ?? [];
  if (!method || !route || !isHttpMethod(method)) return null;
  return { method, route };
}

/** Where the stored logs of a trace are read in the console. */
export const logsHref = (traceId: string): string =>
  `/admin/logs?${new URLSearchParams({ traceId })}`;

export interface SlowRequestRow {
  id: string;
  startedAt: string;
  duration: string;
  endpoint: string;
  status: number;
  /** 5xx answers are marked in words as well as colour. */
  failed: boolean;
  traceId: string | null;
  logsHref: string | null;
}

export function slowRequestRows(items: SlowRequest[]): SlowRequestRow[] {
  return items.map((item) => ({
    id: item.id,
    startedAt: item.startedAt,
    duration: formatMs(item.durationMs),
    endpoint: `${item.method} ${item.route}`,
    status: item.statusCode,
    failed: item.statusCode >= 500,
    traceId: item.traceId ?? null,
    logsHref: item.traceId ? logsHref(item.traceId) : null,
  }));
}

export interface SlowQueryRow {
  id: string;
  startedAt: string;
  duration: string;
  kind: string;
  statement: string;
  /** The request that ran it; "Background job" outside requests. */
  origin: string;
  traceId: string | null;
  logsHref: string | null;
}

export function slowQueryRows(items: SlowQuery[]): SlowQueryRow[] {
  return items.map((item) => ({
    id: item.id,
    startedAt: item.startedAt,
    duration: formatMs(item.durationMs),
    kind: item.kind,
    statement: item.statement,
    origin: item.endpoint ?? 'Background job',
    traceId: item.traceId ?? null,
    logsHref: item.traceId ? logsHref(item.traceId) : null,
  }));
}

export type Trend = EndpointErrorRate['trend'];

/** The trend in words (never colour alone) and the tone of its badge. */
export const TREND_TEXT: Record<Trend, { label: string; tone: 'danger' | 'success' | 'muted' }> = {
  rising: { label: '↑ Rising', tone: 'danger' },
  falling: { label: '↓ Falling', tone: 'success' },
  steady: { label: '→ Steady', tone: 'muted' },
  new: { label: 'New', tone: 'muted' },
};

export interface ErrorRateRow {
  endpoint: string;
  requests: number;
  clientErrors: number;
  serverErrors: number;
  errorRate: string;
  previousErrorRate: string;
  change: string;
  trend: Trend;
  p95: string;
}

export function errorRateRows(items: EndpointErrorRate[]): ErrorRateRow[] {
  return items.map((item) => ({
    endpoint: item.endpoint,
    requests: item.requests,
    clientErrors: item.clientErrors,
    serverErrors: item.serverErrors,
    errorRate: formatRatio(item.errorRate),
    previousErrorRate: formatRatio(item.previousErrorRate),
    change: formatPointChange(item.errorRateChange),
    trend: item.trend,
    p95: formatMs(item.p95Ms),
  }));
}
