import { screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { currentUrl } from '../../test/render-app';
import { renderPage } from '../../test/render';
import { PerformancePage } from './PerformancePage';
import {
  aPoint,
  aSeries,
  aSlowQuery,
  aSlowQueryPage,
  aSlowRequest,
  aSlowRequestPage,
  anEmptyPoint,
  anEndpointRate,
  anOverview,
  errorRates,
} from './testing/monitoring-factories';
import { defined } from '../../test/defined';

const OVERVIEW = 'GET /api/v1/monitoring/overview';
const METRICS = 'GET /api/v1/monitoring/metrics';
const ERROR_RATES = 'GET /api/v1/monitoring/error-rates';
const SLOW_REQUESTS = 'GET /api/v1/monitoring/slow-requests';
const SLOW_QUERIES = 'GET /api/v1/monitoring/slow-queries';

const HOUR_MS = 60 * 60 * 1000;

const series = aSeries([
  aPoint({ start: '2026-11-21T10:00:00.000Z' }),
  anEmptyPoint('2026-11-21T10:01:00.000Z'),
  aPoint({ start: '2026-11-21T10:02:00.000Z', p95Ms: 300 }),
]);
const transactions = anEndpointRate({ endpoint: 'GET /api/v1/transactions', trend: 'rising' });
const budgets = anEndpointRate({
  endpoint: 'POST /api/v1/budgets',
  trend: 'steady',
  errorRateChange: 0,
});
const slowRequest = aSlowRequest({
  durationMs: 2_345,
  statusCode: 500,
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  startedAt: '2026-11-21T10:15:30.000Z',
});
const slowQuery = aSlowQuery({ durationMs: 420, traceId: 'c'.repeat(32) });

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [OVERVIEW]: json(anOverview()),
    [METRICS]: json(series),
    [ERROR_RATES]: json(errorRates([transactions, budgets])),
    [SLOW_REQUESTS]: json(aSlowRequestPage([slowRequest], 7)),
    [SLOW_QUERIES]: json(aSlowQueryPage([slowQuery])),
    ...routes,
  });
}

const show = (url = '/admin/performance') =>
  renderPage(<PerformancePage />, { url, path: '/admin/performance' });

const region = (name: string) => screen.findByRole('region', { name });
const queryOf = (request: Request) => new URL(request.url).searchParams;
/** The span a request asked for; NaN (never equal to a span) when `from` or `to` is missing. */
const windowMs = (request: Request) =>
  Date.parse(queryOf(request).get('to') ?? '') - Date.parse(queryOf(request).get('from') ?? '');
/** The latest request to a route; fails the test when there was none. */
function lastTo(api: ReturnType<typeof fakeApi>, route: string): Request {
  const request = api.requestsTo(route).at(-1);
  if (!request) throw new Error(`No request to ${route}`);
  return request;
}

describe('PerformancePage', () => {
  describe('states', () => {
    it('shows a skeleton in each section while it loads', () => {
      network({
        [OVERVIEW]: pending,
        [METRICS]: pending,
        [ERROR_RATES]: pending,
        [SLOW_REQUESTS]: pending,
        [SLOW_QUERIES]: pending,
      });
      show();
      for (const label of [
        'Loading the summary',
        'Loading the charts',
        'Loading error rates',
        'Loading slow requests',
        'Loading slow queries',
      ]) {
        expect(screen.getByRole('status', { name: label })).toBeInTheDocument();
      }
    });

    it('explains a failed load and loads again on retry', async () => {
      const api = network({ [METRICS]: apiError(503, 'The database is unavailable') });
      const { user } = show();
      const trends = await region('Response time and errors');
      const alert = await within(trends).findByRole('alert');
      expect(alert).toHaveTextContent('The charts could not be loaded');
      expect(alert).toHaveTextContent('The database is unavailable');

      api.on(METRICS, json(series));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(
        await within(trends).findByRole('figure', { name: 'Response time' }),
      ).toBeInTheDocument();
      expect(api.requestsTo(METRICS)).toHaveLength(2);
      // The other sections are not held back by one failure.
      expect(await region('Slow requests')).toHaveTextContent('GET /api/v1/transactions');
    });

    it('says so when the range had no requests instead of drawing empty charts', async () => {
      network({
        [METRICS]: json(aSeries([anEmptyPoint('2026-11-21T10:00:00.000Z')])),
        [ERROR_RATES]: json(errorRates([])),
        [SLOW_REQUESTS]: json(aSlowRequestPage([])),
        [SLOW_QUERIES]: json(aSlowQueryPage([])),
      });
      show();
      const trends = await region('Response time and errors');
      expect(await within(trends).findByText('No requests in the last hour')).toBeInTheDocument();
      expect(within(trends).queryByRole('figure')).toBeNull();
      expect(
        await within(await region('Error rates by endpoint')).findByText(
          'No requests in the last hour',
        ),
      ).toBeInTheDocument();
      expect(
        await within(await region('Slow requests')).findByText('No slow requests in the last hour'),
      ).toBeInTheDocument();
      expect(
        await within(await region('Slow queries')).findByText('No slow queries in the last hour'),
      ).toBeInTheDocument();
    });

    it('shows the figures, charts with their units and legends, and the tables', async () => {
      network();
      show();
      const summary = await region('Summary');
      expect(await within(summary).findByText('1,200')).toBeInTheDocument();
      expect(within(summary).getByText('20 req/min')).toBeInTheDocument();
      expect(within(summary).getByText('3 %')).toBeInTheDocument();
      expect(within(summary).getByText('Slow requests (≥ 1,000 ms)')).toBeInTheDocument();

      const trends = await region('Response time and errors');
      const latency = await within(trends).findByRole('figure', { name: 'Response time' });
      for (const name of ['p50', 'p95', 'p99']) {
        expect(within(latency).getByText(name)).toBeInTheDocument();
      }
      expect(within(latency).getByText('Response time (ms)')).toBeInTheDocument();
      const rate = within(trends).getByRole('figure', { name: 'Request rate' });
      expect(
        within(rate).getByText('Requests per minute', { selector: '.recharts-legend-item-text' }),
      ).toBeInTheDocument();
      const errors = within(trends).getByRole('figure', { name: 'Error rate' });
      expect(within(errors).getByText('4xx + 5xx')).toBeInTheDocument();
      expect(within(errors).getByText('5xx only')).toBeInTheDocument();

      const rates = await region('Error rates by endpoint');
      const [, first, second] = await within(rates).findAllByRole('row');
      expect(
        within(defined(first)).getByRole('link', { name: 'GET /api/v1/transactions' }),
      ).toHaveAttribute(
        'href',
        '/admin/performance?range=1h&endpoint=GET+%2Fapi%2Fv1%2Ftransactions',
      );
      expect(first).toHaveTextContent('5 %');
      expect(first).toHaveTextContent('↑ Rising');
      expect(first).toHaveTextContent('+4 pp');
      expect(second).toHaveTextContent('→ Steady');

      const slow = await region('Slow requests');
      const [, request] = await within(slow).findAllByRole('row');
      expect(request).toHaveTextContent('2,345 ms');
      expect(request).toHaveTextContent('500 failed');
      expect(within(slow).getByText('The 1 newest of 7.')).toBeInTheDocument();
      expect(within(defined(request)).getByRole('link', { name: /Logs of trace/ })).toHaveAttribute(
        'href',
        '/admin/logs?traceId=4bf92f3577b34da6a3ce929d0e0e4736',
      );
      expect(within(defined(request)).getByTitle('2026-11-21 10:15:30 UTC')).toBeInTheDocument();

      const queries = await region('Slow queries');
      const [, query] = await within(queries).findAllByRole('row');
      expect(query).toHaveTextContent('420 ms');
      expect(query).toHaveTextContent('SELECT * FROM "transactions"');
      expect(within(defined(query)).getByRole('link', { name: /Logs of trace/ })).toHaveAttribute(
        'href',
        `/admin/logs?traceId=${'c'.repeat(32)}`,
      );
    });
  });

  describe('range', () => {
    it('asks for the last hour by default', async () => {
      const api = network();
      show();
      await region('Summary');
      await waitFor(() => expect(api.requestsTo(SLOW_QUERIES)).toHaveLength(1));
      for (const route of [OVERVIEW, METRICS, ERROR_RATES, SLOW_REQUESTS, SLOW_QUERIES]) {
        expect(windowMs(lastTo(api, route))).toBe(HOUR_MS);
      }
      expect(screen.getByRole('button', { name: 'Last 1 h' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    });

    it('puts a new range in the URL and asks every route for it', async () => {
      const api = network();
      const { user, router } = show();
      await screen.findByText('1,200');
      await user.click(screen.getByRole('button', { name: 'Last 7 d' }));

      expect(currentUrl(router)).toBe('/admin/performance?range=7d');
      expect(screen.getByRole('button', { name: 'Last 7 d' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      for (const route of [OVERVIEW, METRICS, ERROR_RATES, SLOW_REQUESTS, SLOW_QUERIES]) {
        await waitFor(() => expect(windowMs(lastTo(api, route))).toBe(7 * 24 * HOUR_MS));
      }
    });

    it('reads the range from a link', async () => {
      const api = network({ [ERROR_RATES]: json(errorRates([])) });
      show('/admin/performance?range=30d');
      expect(
        await within(await region('Error rates by endpoint')).findByText(
          'No requests in the last 30 days',
        ),
      ).toBeInTheDocument();
      expect(windowMs(lastTo(api, ERROR_RATES))).toBe(30 * 24 * HOUR_MS);
    });

    it('orders the slow lists by duration on request', async () => {
      const api = network();
      const { user, router } = show();
      await screen.findByText('1,200');
      await user.selectOptions(screen.getByLabelText('Slow lists'), 'slowest');
      expect(currentUrl(router)).toBe('/admin/performance?range=1h&sort=slowest');
      await waitFor(() => expect(queryOf(lastTo(api, SLOW_REQUESTS)).get('sort')).toBe('slowest'));
      await waitFor(() => expect(queryOf(lastTo(api, SLOW_QUERIES)).get('sort')).toBe('slowest'));
    });
  });

  describe('drill-down', () => {
    it('shows one endpoint’s series, slow requests and slow queries, and goes back to all', async () => {
      const api = network();
      const { user, router } = show('/admin/performance?range=24h');
      const rates = await region('Error rates by endpoint');
      await user.click(
        await within(rates).findByRole('link', { name: 'GET /api/v1/transactions' }),
      );

      expect(currentUrl(router)).toBe(
        '/admin/performance?range=24h&endpoint=GET+%2Fapi%2Fv1%2Ftransactions',
      );
      expect(
        await screen.findByRole('heading', {
          name: 'Response time and errors of GET /api/v1/transactions',
        }),
      ).toBeInTheDocument();
      await waitFor(() =>
        expect(queryOf(lastTo(api, METRICS)).get('name')).toBe('GET /api/v1/transactions'),
      );
      expect(windowMs(lastTo(api, METRICS))).toBe(24 * HOUR_MS);
      await waitFor(() =>
        expect(queryOf(lastTo(api, SLOW_REQUESTS)).get('route')).toBe('/api/v1/transactions'),
      );
      expect(queryOf(lastTo(api, SLOW_REQUESTS)).get('method')).toBe('GET');
      expect(
        await screen.findByText((_, element) =>
          Boolean(
            element?.matches('.perf-endpoint-rate') &&
            element.textContent?.includes('200 requests, error rate 5 %') &&
            element.textContent.includes('↑ Rising') &&
            element.textContent.includes('+4 pp against the 24 h before'),
          ),
        ),
      ).toBeInTheDocument();
      await waitFor(() =>
        expect(queryOf(lastTo(api, SLOW_QUERIES)).get('endpoint')).toBe('GET /api/v1/transactions'),
      );
      // Figures of every endpoint are not mixed into the endpoint's view.
      expect(screen.queryByRole('region', { name: 'Error rates by endpoint' })).toBeNull();

      await user.click(screen.getByRole('link', { name: '← All endpoints' }));
      expect(currentUrl(router)).toBe('/admin/performance?range=24h');
      expect(await region('Error rates by endpoint')).toBeInTheDocument();
      expect(screen.getByRole('heading', { name: 'Response time and errors' })).toBeInTheDocument();
    });

    it('opens an endpoint from a link and says when it had no requests', async () => {
      const api = network({
        [METRICS]: json(aSeries([anEmptyPoint('2026-11-21T10:00:00.000Z')])),
        [SLOW_REQUESTS]: json(aSlowRequestPage([])),
        [SLOW_QUERIES]: json(aSlowQueryPage([])),
      });
      show('/admin/performance?endpoint=POST%20/api/v1/budgets');
      expect(
        await screen.findByText('No requests to POST /api/v1/budgets in the last hour'),
      ).toBeInTheDocument();
      expect(
        await screen.findByText('No slow requests to POST /api/v1/budgets in the last hour'),
      ).toBeInTheDocument();
      expect(
        await screen.findByText(
          'No slow queries in requests to POST /api/v1/budgets in the last hour',
        ),
      ).toBeInTheDocument();
      expect(queryOf(lastTo(api, METRICS)).get('name')).toBe('POST /api/v1/budgets');
      expect(queryOf(lastTo(api, SLOW_REQUESTS)).get('method')).toBe('POST');
      expect(screen.queryByRole('region', { name: 'Error rates by endpoint' })).toBeNull();
    });

    it('opens an endpoint from a slow request', async () => {
      const api = network();
      const { user, router } = show();
      const slow = await region('Slow requests');
      await user.click(await within(slow).findByRole('link', { name: 'GET /api/v1/transactions' }));
      expect(currentUrl(router)).toBe(
        '/admin/performance?range=1h&endpoint=GET+%2Fapi%2Fv1%2Ftransactions',
      );
      await waitFor(() =>
        expect(queryOf(lastTo(api, METRICS)).get('name')).toBe('GET /api/v1/transactions'),
      );
    });
  });
});
