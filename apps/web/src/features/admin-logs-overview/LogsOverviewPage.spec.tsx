import { act, screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { currentUrl } from '../../test/render-app';
import { renderPage } from '../../test/render';
import { somePatterns } from '../admin-exceptions/testing/factories';
import { aPoint, aSeries, anEmptyPoint } from '../admin-performance/testing/monitoring-factories';
import { filterValuesOf } from '../admin-logs';
import { LogsOverviewPage, OVERVIEW_REFRESH_MS } from './LogsOverviewPage';
import { emptyStatistics, someStatistics } from './testing/statistics-factories';
import { defined } from '../../test/defined';

const STATISTICS = 'GET /api/v1/logging/logs/statistics';
const METRICS = 'GET /api/v1/monitoring/metrics';
const PATTERNS = 'GET /api/v1/logging/exceptions/patterns';
const ROUTES = [STATISTICS, METRICS, PATTERNS];

const HOUR_MS = 60 * 60 * 1000;

const series = aSeries([
  aPoint({ start: '2026-11-21T10:00:00.000Z' }),
  aPoint({ start: '2026-11-21T10:01:00.000Z', p95Ms: 300 }),
]);

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [STATISTICS]: json(someStatistics()),
    [METRICS]: json(series),
    [PATTERNS]: json(somePatterns()),
    ...routes,
  });
}

const show = (url = '/admin/logs/overview') =>
  renderPage(<LogsOverviewPage />, { url, path: '/admin/logs/overview' });

const region = (name: string) => screen.findByRole('region', { name });
const queryOf = (request: Request) => new URL(request.url).searchParams;
/** How far back a request reaches from the moment it was sent (`to`, or now without one). */
const reachMs = (request: Request, sentAt: number) =>
  Date.parse(queryOf(request).get('to') ?? new Date(sentAt).toISOString()) -
  Date.parse(queryOf(request).get('from') ?? '');

describe('LogsOverviewPage', () => {
  it('shows a skeleton in each section while it loads', () => {
    network({ [STATISTICS]: pending, [METRICS]: pending, [PATTERNS]: pending });
    show();
    for (const label of [
      'Loading the log volume',
      'Loading the top errors',
      'Loading the response times',
      'Loading the exception trend',
    ]) {
      expect(screen.getByRole('status', { name: label })).toBeInTheDocument();
    }
  });

  it('shows the volume by level, the top errors with links to their lines and both trends', async () => {
    network();
    show('/admin/logs/overview?range=24h');

    const volume = await region('Log volume');
    expect(
      await within(volume).findByRole('figure', { name: 'Log lines per 5 min by level' }),
    ).toBeInTheDocument();
    expect(volume).toHaveTextContent(
      '101 lines in the last 24 hours: 4 errors or worse; 95 from the API, 6 from browsers.',
    );

    const errors = await region('Top error messages');
    const row = within(errors).getByRole('row', { name: /Payment <num> failed for user <uuid>/ });
    expect(within(row).getByRole('cell', { name: '12' })).toBeInTheDocument();
    const lastSeen = within(row).getByText((_, element) => element?.tagName === 'TIME');
    expect(lastSeen).toHaveAttribute('title', '2026-11-21 10:45:00 UTC');
    const link = within(row).getByRole('link', { name: /Show lines of/ });
    const target = new URL(link.getAttribute('href') ?? '', 'http://localhost');
    expect(target.pathname).toBe('/admin/logs');
    expect(filterValuesOf(target.searchParams)).toMatchObject({
      minLevel: 'error',
      q: 'failed for user',
      range: '24h',
    });

    const latency = await region('API response time');
    expect(
      await within(latency).findByRole('figure', { name: 'API response time, p50 and p95' }),
    ).toBeInTheDocument();
    expect(within(latency).getByRole('link', { name: 'More in Performance' })).toHaveAttribute(
      'href',
      '/admin/performance?range=24h',
    );

    const exceptions = await region('Exceptions');
    expect(await within(exceptions).findByText(/10 exceptions, 1 new groups/)).toBeInTheDocument();
    expect(exceptions).toHaveTextContent('+25% (8 → 10)');
    expect(within(exceptions).getByRole('figure')).toHaveTextContent(
      'Exceptions per 1 h in the last 24 hours',
    );
  });

  it('explains a failed load per section and loads again on retry', async () => {
    const api = network({ [STATISTICS]: apiError(503, 'The database is unavailable') });
    const { user } = show();
    const volume = await region('Log volume');
    const alert = await within(volume).findByRole('alert');
    expect(alert).toHaveTextContent('The log volume could not be loaded');
    expect(alert).toHaveTextContent('The database is unavailable');
    expect(await within(await region('Top error messages')).findByRole('alert')).toHaveTextContent(
      'The top errors could not be loaded',
    );
    // The other sections are not held back by one failure.
    expect(
      await within(await region('API response time')).findByRole('figure'),
    ).toBeInTheDocument();

    api.on(STATISTICS, json(someStatistics()));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(volume).findByRole('figure')).toBeInTheDocument();
    expect(within(await region('Top error messages')).getByRole('table')).toBeInTheDocument();
  });

  it('shows the failures of the trends too', async () => {
    network({
      [METRICS]: apiError(500, 'Metrics are down'),
      [PATTERNS]: apiError(500, 'Patterns are down'),
    });
    show();
    expect(await within(await region('API response time')).findByRole('alert')).toHaveTextContent(
      'Metrics are down',
    );
    expect(await within(await region('Exceptions')).findByRole('alert')).toHaveTextContent(
      'Patterns are down',
    );
  });

  it('says so when the range is empty instead of drawing nothing', async () => {
    network({
      [STATISTICS]: json(emptyStatistics()),
      [METRICS]: json(aSeries([anEmptyPoint('2026-11-21T10:00:00.000Z')])),
      [PATTERNS]: json(
        somePatterns({
          buckets: [0, 0],
          trend: { count: 0, previousCount: 3, changePercent: -100 },
          byType: [],
          topGroups: [],
        }),
      ),
    });
    show('/admin/logs/overview?range=7d');
    const within_ = async (name: string) => within(await region(name));
    await (await within_('Log volume')).findByText('No log lines in the last 7 days');
    await (await within_('Top error messages')).findByText('No errors logged in the last 7 days');
    await (await within_('API response time')).findByText('No API requests in the last 7 days');
    const exceptions = await within_('Exceptions');
    await exceptions.findByText('No exceptions in the last 7 days');
    expect(exceptions.getByText('3 in the 7 d before.')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('keeps the range in the URL and asks every API for that window', async () => {
    const api = network();
    const { user, router } = show();
    await region('Log volume');
    await screen.findByRole('figure', { name: 'Log lines per 5 min by level' });
    // The default is the last hour.
    expect(screen.getByRole('button', { name: 'Last 1 h' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    for (const route of ROUTES) {
      expect(reachMs(defined(api.requestsTo(route)[0]), Date.now())).toBeCloseTo(HOUR_MS, -4);
    }

    const clickedAt = Date.now();
    await user.click(screen.getByRole('button', { name: 'Last 30 d' }));
    expect(currentUrl(router)).toBe('/admin/logs/overview?range=30d');
    expect(screen.getByRole('button', { name: 'Last 30 d' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await waitFor(() => {
      for (const route of ROUTES) expect(api.requestsTo(route)).toHaveLength(2);
    });
    for (const route of ROUTES) {
      const request = api.requestsTo(route)[1];
      expect(reachMs(defined(request), clickedAt)).toBeGreaterThan(30 * 24 * HOUR_MS - 60_000);
      expect(reachMs(defined(request), clickedAt)).toBeLessThan(30 * 24 * HOUR_MS + 60_000);
    }
    // A link from elsewhere opens the same view.
    const link = within(await region('Exceptions')).getByRole('link', {
      name: 'Open the exception tracker',
    });
    expect(link).toHaveAttribute('href', '/admin/exceptions?range=30d');
  });

  it('reads an unknown range in a link as the last hour', async () => {
    const api = network();
    show('/admin/logs/overview?range=2y');
    await waitFor(() => expect(api.requestsTo(STATISTICS)).toHaveLength(1));
    expect(reachMs(defined(api.requestsTo(STATISTICS)[0]), Date.now())).toBeCloseTo(HOUR_MS, -4);
  });

  it('refreshes every section on demand, and turns auto-refresh off in the URL', async () => {
    const api = network();
    const { user, router } = show();
    await screen.findByRole('figure', { name: 'Log lines per 5 min by level' });
    await waitFor(() => {
      for (const route of ROUTES) expect(api.requestsTo(route)).toHaveLength(1);
    });

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => {
      for (const route of ROUTES) expect(api.requestsTo(route)).toHaveLength(2);
    });

    const toggle = screen.getByRole('checkbox', { name: 'Auto-refresh every 30 s' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    expect(currentUrl(router)).toBe('/admin/logs/overview?range=1h&refresh=off');
    expect(toggle).not.toBeChecked();
  });

  describe('auto-refresh', () => {
    afterEach(() => jest.useRealTimers());

    it('re-reads every section every 30 s while on', async () => {
      jest.useFakeTimers();
      const api = network();
      show();
      await screen.findByRole('figure', { name: 'Log lines per 5 min by level' });
      await waitFor(() => {
        for (const route of ROUTES) expect(api.requestsTo(route)).toHaveLength(1);
      });

      await act(async () => {
        jest.advanceTimersByTime(OVERVIEW_REFRESH_MS);
      });
      await waitFor(() => {
        for (const route of ROUTES) expect(api.requestsTo(route)).toHaveLength(2);
      });
    });

    it('does not re-read when the URL turns it off', async () => {
      jest.useFakeTimers();
      const api = network();
      show('/admin/logs/overview?range=1h&refresh=off');
      await screen.findByRole('figure', { name: 'Log lines per 5 min by level' });
      await waitFor(() => expect(api.requestsTo(METRICS)).toHaveLength(1));
      await act(async () => {
        jest.advanceTimersByTime(3 * OVERVIEW_REFRESH_MS);
      });
      for (const route of ROUTES) expect(api.requestsTo(route)).toHaveLength(1);
      expect(screen.getByRole('checkbox', { name: 'Auto-refresh every 30 s' })).not.toBeChecked();
    });
  });
});
