import { errorRateRows, logsHref, slowQueryRows, slowRequestRows, splitEndpoint } from './tables';
import { aSlowQuery, aSlowRequest, anEndpointRate } from './testing/monitoring-factories';

describe('splitEndpoint', () => {
  it('splits a metric name into the slow request filters', () => {
    expect(splitEndpoint('GET /api/v1/transactions/:id')).toEqual({
      method: 'GET',
      route: '/api/v1/transactions/:id',
    });
  });

  it('refuses names that are not a known method and a route', () => {
    expect(splitEndpoint('FETCH /api/v1/transactions')).toBeNull();
    expect(splitEndpoint('/api/v1/transactions')).toBeNull();
    expect(splitEndpoint('GET')).toBeNull();
  });
});

describe('logsHref', () => {
  it('opens the log viewer filtered by the trace', () => {
    expect(logsHref('4bf92f3577b34da6a3ce929d0e0e4736')).toBe(
      '/admin/logs?traceId=4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });
});

describe('slowRequestRows', () => {
  it('gives the duration in ms, the endpoint, a failed mark for 5xx and the logs link', () => {
    const [ok, failed] = slowRequestRows([
      aSlowRequest({ id: '1', durationMs: 1_250.5, statusCode: 200, traceId: 'abc' }),
      aSlowRequest({
        id: '2',
        method: 'POST',
        route: '/api/v1/budgets',
        statusCode: 503,
        traceId: null,
      }),
    ]);
    expect(ok).toEqual({
      id: '1',
      startedAt: '2026-11-21T10:15:30.123Z',
      duration: '1,250.5 ms',
      endpoint: 'GET /api/v1/transactions',
      status: 200,
      failed: false,
      traceId: 'abc',
      logsHref: '/admin/logs?traceId=abc',
    });
    expect(failed).toMatchObject({
      endpoint: 'POST /api/v1/budgets',
      failed: true,
      traceId: null,
      logsHref: null,
    });
  });
});

describe('slowQueryRows', () => {
  it('names the request that ran a query, or a background job', () => {
    const [inRequest, inJob] = slowQueryRows([
      aSlowQuery({ durationMs: 320, traceId: 'def' }),
      aSlowQuery({ endpoint: null, kind: 'UPDATE', traceId: null }),
    ]);
    expect(inRequest).toMatchObject({
      duration: '320 ms',
      kind: 'SELECT',
      statement: 'SELECT * FROM "transactions" WHERE "user_id" = $1',
      origin: 'GET /api/v1/transactions',
      logsHref: '/admin/logs?traceId=def',
    });
    expect(inJob).toMatchObject({ origin: 'Background job', kind: 'UPDATE', logsHref: null });
  });
});

describe('errorRateRows', () => {
  it('gives rates in percent and the change in percentage points', () => {
    const [rising, newcomer, falling] = errorRateRows([
      anEndpointRate({ errorRate: 0.05, previousErrorRate: 0.01, errorRateChange: 0.04 }),
      anEndpointRate({
        endpoint: 'POST /api/v1/budgets',
        previousErrorRate: null,
        errorRateChange: null,
        trend: 'new',
        p95Ms: null,
      }),
      anEndpointRate({ errorRateChange: -0.0125, trend: 'falling' }),
    ]);
    expect(rising).toEqual({
      endpoint: 'GET /api/v1/transactions',
      requests: 200,
      clientErrors: 6,
      serverErrors: 4,
      errorRate: '5 %',
      previousErrorRate: '1 %',
      change: '+4 pp',
      trend: 'rising',
      p95: '160 ms',
    });
    expect(newcomer).toMatchObject({ previousErrorRate: '—', change: '—', trend: 'new', p95: '—' });
    expect(falling).toMatchObject({ change: '\u22121.25 pp' });
  });
});
