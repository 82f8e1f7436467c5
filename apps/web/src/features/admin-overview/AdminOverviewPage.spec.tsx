import { screen, within } from '@testing-library/react';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { connectRealtimeForEachTest, pushRealtimeEvent } from '../../test/realtime';
import { renderPage } from '../../test/render';
import { aRule } from '../admin-alerts/testing/factories';
import { anAuditLog, anAuditLogPage } from '../admin-audit/test/audit-factories';
import { aGroup, aGroupPage } from '../admin-exceptions/testing/factories';
import { counts, someStatistics } from '../admin-logs-overview/testing/statistics-factories';
import { anOverview } from '../admin-performance/testing/monitoring-factories';
import { AdminOverviewPage } from './AdminOverviewPage';
import { HOUR_MS } from './overview-figures';
import { defined } from '../../test/defined';

jest.mock(
  'socket.io-client',
  () =>
    (require('../../test/fake-socket') as typeof import('../../test/fake-socket')).socketIoModule,
);

const ALERTS = 'GET /api/v1/monitoring/alerts';
const EXCEPTIONS = 'GET /api/v1/logging/exceptions';
const OVERVIEW = 'GET /api/v1/monitoring/overview';
const STATISTICS = 'GET /api/v1/logging/logs/statistics';
const AUDIT_ERRORS = 'GET /api/v1/audit-logs/errors';
const VERIFY = 'GET /api/v1/audit/verify';

const firing = aRule({ name: 'Checkout error rate', state: 'firing', severity: 'critical' });
const alsoFiring = aRule({ name: 'API p95 too slow', state: 'firing', severity: 'warning' });
const failure = anAuditLog({
  action: 'transaction.create',
  result: 'failure',
  severity: 'ERROR',
  message: 'Creating a transaction failed: category not found',
  occurredAt: '2026-11-21T10:15:00.000Z',
});

/** The last hour's figures and the hour before's, told apart by where their window ends. */
const hours =
  (current: ReturnType<typeof anOverview>, previous: ReturnType<typeof anOverview>): FakeRoute =>
  (_, url) =>
    json(
      Date.now() - Date.parse(url.searchParams.get('to') ?? '') < HOUR_MS / 2 ? current : previous,
    );

const withRequests = (errorRate: number | null, p95Ms: number | null, total = 1_200) =>
  anOverview({ requests: { ...anOverview().requests, errorRate, p95Ms, total } });

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [ALERTS]: json([firing, aRule({ state: 'normal' }), aRule({ state: 'pending' }), alsoFiring]),
    [EXCEPTIONS]: json(
      aGroupPage([aGroup({ regressed: true }), aGroup(), aGroup({ regressed: true })], {
        total: 12,
      }),
    ),
    [OVERVIEW]: hours(withRequests(0.03, 200), withRequests(0.02, 250)),
    [STATISTICS]: json(
      someStatistics({ total: 480, byLevel: counts({ info: 470, error: 8, fatal: 2 }) }),
    ),
    [AUDIT_ERRORS]: json(anAuditLogPage([failure], { total: 12, limit: 5 })),
    [VERIFY]: json({ ok: true, checked: 1_234 }),
    ...routes,
  });
}

const show = () => renderPage(<AdminOverviewPage />, { url: '/admin', path: '/admin' });
const card = (name: string) => screen.findByRole('region', { name });
const queryOf = (request: Request) => new URL(request.url).searchParams;

connectRealtimeForEachTest();

describe('AdminOverviewPage', () => {
  it('shows a skeleton in each card while its source loads', async () => {
    network(
      Object.fromEntries(
        [ALERTS, EXCEPTIONS, OVERVIEW, STATISTICS, AUDIT_ERRORS, VERIFY].map((route) => [
          route,
          pending,
        ]),
      ),
    );
    show();
    expect(screen.getByRole('heading', { level: 1, name: 'Admin' })).toBeInTheDocument();
    for (const label of [
      'Loading the alert rules',
      'Loading the exception groups',
      'Loading the request figures',
      'Loading the log counts',
      'Loading the failed actions',
      'Verifying the audit chain',
    ]) {
      expect(screen.getByRole('status', { name: label })).toBeInTheDocument();
    }
    expect(screen.getByRole('link', { name: 'Open the API docs' })).toHaveAttribute(
      'href',
      '/api/docs',
    );
  });

  it('shows the firing alerts, most severe first, each linking to its rule', async () => {
    network();
    show();
    const alerts = await card('Firing alerts');
    expect(await within(alerts).findByText('rules firing')).toBeInTheDocument();
    expect(alerts).toHaveTextContent('2 rules firing');
    const links = within(within(alerts).getByRole('list', { name: 'Firing rules' })).getAllByRole(
      'link',
    );
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Checkout error rate', `/admin/alerts/${firing.id}`],
      ['API p95 too slow', `/admin/alerts/${alsoFiring.id}`],
    ]);
    expect(alerts).toHaveTextContent('critical');
    expect(alerts).toHaveTextContent('1 pending: their condition holds');
    expect(within(alerts).getByRole('link', { name: 'All alerts' })).toHaveAttribute(
      'href',
      '/admin/alerts',
    );
  });

  it('says when no alert fires, and when there is no rule yet', async () => {
    const api = network({ [ALERTS]: json([aRule(), aRule()]) });
    const { unmount } = show();
    expect(
      await within(await card('Firing alerts')).findByText('All quiet: 2 rules watching.'),
    ).toBeVisible();
    expect(await card('Firing alerts')).toHaveTextContent('0 rules firing');
    unmount();

    api.on(ALERTS, json([]));
    show();
    expect(
      await within(await card('Firing alerts')).findByText('No alert rules yet.'),
    ).toBeVisible();
  });

  it('reads the alert rules again when one fires or resolves', async () => {
    const api = network({ [ALERTS]: json([aRule({ name: 'Checkout error rate' })]) });
    show();
    const alerts = await card('Firing alerts');
    await within(alerts).findByText('All quiet: 1 rule watching.');

    api.on(ALERTS, json([firing]));
    pushRealtimeEvent(
      'alert.state_changed',
      { alertId: firing.id, from: 'pending', to: 'firing' },
      '2026-11-21T10:20:00.000Z',
    );
    expect(await within(alerts).findByRole('link', { name: 'Checkout error rate' })).toBeVisible();
    expect(api.requestsTo(ALERTS)).toHaveLength(2);
  });

  it('counts the unresolved and regressed exception groups, linking to the tracker', async () => {
    const api = network();
    show();
    const exceptions = await card('Exceptions');
    const unresolved = await within(exceptions).findByRole('link', {
      name: '12 unresolved groups',
    });
    expect(unresolved).toHaveAttribute('href', '/admin/exceptions?status=unresolved');
    // 12 unresolved, 3 read: the regressed ones beyond them are not known.
    expect(within(exceptions).getByRole('link', { name: '2+ regressed' })).toHaveAttribute(
      'href',
      '/admin/exceptions?status=unresolved',
    );
    expect(exceptions).toHaveTextContent(
      'Regressed: resolved, then seen again. Counted among the 3 unresolved groups seen last.',
    );
    expect(within(exceptions).getByRole('link', { name: 'Open exceptions' })).toHaveAttribute(
      'href',
      '/admin/exceptions',
    );
    expect(Object.fromEntries(queryOf(defined(api.requestsTo(EXCEPTIONS)[0])))).toEqual({
      status: 'unresolved',
      limit: '200',
    });
  });

  it('compares the error rate and p95 of the last hour with the hour before, with units', async () => {
    const api = network();
    show();
    const requests = await card('API requests, last hour');
    const errorRate = (await within(requests).findByText('Error rate (4xx and 5xx)'))
      .nextElementSibling as HTMLElement;
    expect(errorRate).toHaveTextContent('3 %▲ +1 pp against 2 % the hour before');
    const p95 = within(requests).getByText('p95 response time').nextElementSibling as HTMLElement;
    expect(p95).toHaveTextContent(
      '200 ms▼ \u221250 ms (\u221220 %) against 250 ms the hour before',
    );
    expect(requests).toHaveTextContent(
      '1,200 requests in the last hour, 1,200 in the hour before.',
    );
    expect(within(requests).getByRole('link', { name: 'Open performance' })).toHaveAttribute(
      'href',
      '/admin/performance?range=1h',
    );

    const windows = api
      .requestsTo(OVERVIEW)
      .map((request): [string, string] => [
        queryOf(request).get('from') ?? '',
        queryOf(request).get('to') ?? '',
      ])
      .sort();
    expect(windows).toHaveLength(2);
    const [previousFrom, previousTo] = defined(windows[0]);
    const [currentFrom, currentTo] = defined(windows[1]);
    expect(Date.parse(previousTo) - Date.parse(previousFrom)).toBe(HOUR_MS);
    expect(previousTo).toBe(currentFrom);
    expect(Date.parse(currentTo) - Date.parse(currentFrom)).toBe(HOUR_MS);
  });

  it('says there is nothing to compare without requests', async () => {
    network({ [OVERVIEW]: hours(withRequests(null, null, 0), withRequests(0.02, 250)) });
    show();
    const requests = await card('API requests, last hour');
    expect(await within(requests).findAllByText('No requests in the last hour')).toHaveLength(2);
    expect(requests).toHaveTextContent('Error rate (4xx and 5xx)—');
  });

  it('counts the last hour’s log errors, linking to those lines', async () => {
    const api = network();
    show();
    const logs = await card('Log errors, last hour');
    expect(
      await within(logs).findByRole('link', { name: '10 lines at error level or worse' }),
    ).toHaveAttribute('href', '/admin/logs?minLevel=error&range=1h');
    expect(logs).toHaveTextContent('Of 480 lines logged in the last hour.');
    const query = queryOf(defined(api.requestsTo(STATISTICS)[0]));
    expect(Date.parse(query.get('to') ?? '') - Date.parse(query.get('from') ?? '')).toBe(HOUR_MS);
  });

  it('lists the action log’s newest failures, each opening its event', async () => {
    const api = network();
    show();
    const failures = await card('Action log failures');
    const link = await within(failures).findByRole('link', { name: 'transaction.create' });
    expect(link).toHaveAttribute('href', `/admin/audit?view=errors&event=${failure.id}`);
    const item = link.closest('li') as HTMLElement;
    expect(item).toHaveTextContent('Failure');
    expect(item).toHaveTextContent('Creating a transaction failed: category not found');
    expect(item.querySelector('time')).toHaveAttribute('title', '2026-11-21 10:15:00 UTC');
    expect(failures).toHaveTextContent('The newest 5 of 12 failed or warning actions.');
    expect(within(failures).getByRole('link', { name: 'All failures' })).toHaveAttribute(
      'href',
      '/admin/audit?view=errors',
    );
    expect(queryOf(defined(api.requestsTo(AUDIT_ERRORS)[0])).get('limit')).toBe('5');
  });

  it('says when no action failed', async () => {
    network({ [AUDIT_ERRORS]: json(anAuditLogPage([])) });
    show();
    expect(
      await within(await card('Action log failures')).findByText('No failed actions recorded.'),
    ).toBeVisible();
  });

  it('shows the audit chain’s state and when it was verified', async () => {
    network();
    show();
    const chain = await card('Audit chain');
    expect(await within(chain).findByText('✓ Intact')).toBeVisible();
    expect(chain).toHaveTextContent('1,234 changes recomputed, every hash matches.');
    expect(
      within(chain)
        .getByText(/Verified/)
        .querySelector('time'),
    ).toHaveAttribute('datetime');
    expect(within(chain).getByRole('link', { name: 'Open audit logs' })).toHaveAttribute(
      'href',
      '/admin/audit',
    );
  });

  it('says where the audit chain breaks', async () => {
    network({
      [VERIFY]: json({
        ok: false,
        checked: 41,
        firstBrokenId: '42',
        reason: 'The row does not match its hash',
      }),
    });
    show();
    const chain = await card('Audit chain');
    expect(await within(chain).findByText('✕ Broken')).toBeVisible();
    expect(chain).toHaveTextContent(
      'at change #42 after 41 good changes. The row does not match its hash',
    );
  });

  it('keeps every other card when one source fails, and loads that one again on retry', async () => {
    const api = network({ [ALERTS]: apiError(503, 'The database is unavailable') });
    const { user } = show();
    const alerts = await card('Firing alerts');
    const alert = await within(alerts).findByRole('alert');
    expect(alert).toHaveTextContent('The alert rules could not be loaded');
    expect(alert).toHaveTextContent('The database is unavailable');

    expect(
      await within(await card('Exceptions')).findByRole('link', { name: '12 unresolved groups' }),
    ).toBeVisible();
    expect(await within(await card('Audit chain')).findByText('✓ Intact')).toBeVisible();
    expect(screen.getAllByRole('alert')).toHaveLength(1);

    api.on(ALERTS, json([firing]));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(alerts).findByRole('link', { name: 'Checkout error rate' })).toBeVisible();
  });

  it.each([
    [EXCEPTIONS, 'Exceptions', 'The exception groups could not be loaded'],
    [OVERVIEW, 'API requests, last hour', 'The request figures could not be loaded'],
    [STATISTICS, 'Log errors, last hour', 'The log counts could not be loaded'],
    [AUDIT_ERRORS, 'Action log failures', 'The failed actions could not be loaded'],
    [VERIFY, 'Audit chain', 'The audit chain could not be verified'],
  ])('shows a failure of %s in its own card only', async (route, name, message) => {
    network({ [route]: apiError(500, 'Internal server error') });
    show();
    expect(await within(await card(name)).findByRole('alert')).toHaveTextContent(message);
    expect(
      await within(await card('Firing alerts')).findByRole('link', { name: 'Checkout error rate' }),
    ).toBeVisible();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('reads every source again on refresh, except the chain verification', async () => {
    const api = network();
    const { user } = show();
    await within(await card('Audit chain')).findByText('✓ Intact');
    await within(await card('Action log failures')).findByRole('link', {
      name: 'transaction.create',
    });

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await within(await card('Firing alerts')).findByRole('link', { name: 'Checkout error rate' });
    for (const route of [ALERTS, EXCEPTIONS, STATISTICS, AUDIT_ERRORS]) {
      expect({ route, count: api.requestsTo(route).length }).toEqual({ route, count: 2 });
    }
    expect(api.requestsTo(OVERVIEW)).toHaveLength(4);
    expect(api.requestsTo(VERIFY)).toHaveLength(1);
  });
});
