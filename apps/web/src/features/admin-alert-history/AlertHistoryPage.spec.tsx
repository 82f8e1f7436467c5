import { act, screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { publishRealtime } from '../realtime';
import { aContactPoint, aRule } from '../admin-alerts/testing/factories';
import { AlertHistoryPage } from './AlertHistoryPage';
import { aChange, aChangePage, aDelivery, aDeliveryPage, RULE_ID } from './testing/factories';
import { defined } from '../../test/defined';

const HISTORY = 'GET /api/v1/monitoring/alerts/history';
const RULES = 'GET /api/v1/monitoring/alerts';
const CONTACT_POINTS = 'GET /api/v1/monitoring/alerts/contact-points';
const RECENT = 'GET /api/v1/monitoring/alerts/deliveries';
const DELIVERIES_OF = (id: string) => `GET /api/v1/monitoring/alerts/history/${id}/deliveries`;
const OTHER_RULE = '00000000-0000-4000-c000-000000000077';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const queryOf = (request: Request) => new URL(request.url).searchParams;
/** The timeline reads pages of 200, the table pages of 50. */
const isTimeline = (request: Request) => queryOf(request).get('limit') === '200';

/** The contact points route's answer. */
const aContactPointList = (items: object[]) => ({ items });

const network = (routes: Record<string, FakeRoute | Response> = {}) =>
  fakeApi({
    [HISTORY]: json(aChangePage([])),
    [RULES]: json([
      aRule({ id: RULE_ID, name: 'Slow endpoints', threshold: 500 }),
      aRule({ id: OTHER_RULE, name: 'Errors', metricType: 'error_rate' }),
    ]),
    [CONTACT_POINTS]: json(aContactPointList([])),
    [RECENT]: json(aDeliveryPage([])),
    ...routes,
  });

const show = (url = '/admin/alerts/history') =>
  renderPage(<AlertHistoryPage />, { url, path: '/admin/alerts/history' });

describe('AlertHistoryPage', () => {
  describe('states', () => {
    it('shows skeletons while the history loads', () => {
      network({ [HISTORY]: pending });
      show();
      expect(screen.getByRole('heading', { level: 1, name: 'Alert history' })).toBeInTheDocument();
      expect(screen.getByRole('status', { name: 'Loading the timeline' })).toBeInTheDocument();
      expect(screen.getByRole('status', { name: 'Loading state changes' })).toBeInTheDocument();
    });

    it('explains a failed load and tries again', async () => {
      const api = network({ [HISTORY]: apiError(500, 'Internal server error') });
      const { user } = show();
      await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
      const [timeline, changes] = screen.getAllByRole('alert');
      expect(timeline).toHaveTextContent('The timeline could not be loaded');
      expect(changes).toHaveTextContent('State changes could not be loaded');
      expect(changes).toHaveTextContent('Internal server error');

      api.on(HISTORY, json(aChangePage([aChange({ occurredAt: minutesAgo(10) })])));
      await user.click(within(defined(changes)).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('link', { name: 'Slow endpoints' })).toBeInTheDocument();
    });

    it('says so when nothing changed in the range', async () => {
      network();
      show('/admin/alerts/history?range=1h');
      expect(await screen.findByText('No state changes in the last hour')).toBeInTheDocument();
      expect(screen.getByText(/Choose a longer range/)).toBeInTheDocument();
      expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    });

    it('draws each alert’s states over time with a legend and a text alternative', async () => {
      network({
        [HISTORY]: json(
          aChangePage([
            aChange({ fromState: 'firing', toState: 'normal', occurredAt: minutesAgo(30) }),
            aChange({ fromState: 'pending', toState: 'firing', occurredAt: minutesAgo(90) }),
            aChange({ fromState: 'normal', toState: 'pending', occurredAt: minutesAgo(95) }),
          ]),
        ),
      });
      show();
      const chart = await screen.findByRole('figure', {
        name: /States of each alert over the last 24 hours/,
      });
      expect(chart).toHaveAccessibleName(/1 alert changed state 3 times; 1 of them fired\./);
      expect(within(chart).getByRole('list', { name: 'States' })).toHaveTextContent(
        /Normal.*Pending.*Firing/,
      );
      const text = within(chart).getByRole('table', { name: 'States of each alert over time' });
      const rows = within(text).getAllByRole('row').slice(1);
      expect(rows.map((row) => defined(within(row).getAllByRole('cell')[1]).textContent)).toEqual([
        'Normal',
        'Pending',
        'Firing',
        'Normal',
      ]);
      expect(chart.querySelector('.recharts-surface')).not.toBeNull();
    });

    it('lists the changes: time, rule link, from → to, value with its unit, labels and error', async () => {
      network({
        [HISTORY]: json(
          aChangePage([
            aChange({
              occurredAt: '2026-11-21T10:05:00.000Z',
              labels: { route: '/api/v1/budgets', method: 'GET' },
              value: 812,
              threshold: 500,
            }),
            aChange({
              ruleId: OTHER_RULE,
              ruleName: 'Errors',
              fromState: 'normal',
              toState: 'error',
              value: null,
              threshold: 0.05,
              error: 'canceling statement due to statement timeout',
            }),
          ]),
        ),
      });
      show();
      const link = await screen.findByRole('link', { name: 'Slow endpoints' });
      expect(link).toHaveAttribute('href', `/admin/alerts/${RULE_ID}`);
      const row = link.closest('tr') as HTMLElement;
      expect(within(row).getByTitle('2026-11-21 10:05:00 UTC')).toBeInTheDocument();
      expect(row).toHaveTextContent(/Pending.*Firing/);
      await waitFor(() => expect(row).toHaveTextContent('812 ms (threshold 500 ms)'));
      expect(row).toHaveTextContent('method=GET');
      expect(row).toHaveTextContent('route=/api/v1/budgets');

      const errors = screen.getByRole('link', { name: 'Errors' }).closest('tr') as HTMLElement;
      expect(errors).toHaveTextContent(/Normal.*Error/);
      expect(errors).toHaveTextContent('no data (threshold 5 %)');
      expect(errors).toHaveTextContent('canceling statement due to statement timeout');
      expect(screen.getByRole('navigation', { name: 'Pages' })).toHaveTextContent(
        'Page 1 of 1 · 2 changes',
      );
    });
  });

  describe('filters', () => {
    it('keeps rule, range and state in the URL and sends them', async () => {
      const api = network();
      const { user, router } = show();
      await screen.findByText('No state changes in the last 24 hours');
      const rule = screen.getByLabelText('Rule');
      await waitFor(() => expect(within(rule).getAllByRole('option')).toHaveLength(3));

      await user.selectOptions(rule, 'Errors');
      await user.click(screen.getByRole('button', { name: 'Last 7 d' }));
      await user.selectOptions(screen.getByLabelText('Changed into'), 'firing');

      expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
        rule: OTHER_RULE,
        range: '7d',
        state: 'firing',
      });
      await waitFor(() =>
        expect(queryOf(api.requestsTo(HISTORY).at(-1) as Request).get('state')).toBe('firing'),
      );
      const table = queryOf(api.requestsTo(HISTORY).at(-1) as Request);
      expect(table.get('ruleId')).toBe(OTHER_RULE);
      expect(table.get('limit')).toBe('50');
      const from = Date.parse(table.get('from') as string);
      const to = Date.parse(table.get('to') as string);
      expect(to - from).toBe(7 * 24 * 3600_000);
      expect(Date.now() - to).toBeLessThan(60_000);

      // The timeline shows every state of the rule: the state filter is the table's alone.
      const timeline = api.requestsTo(HISTORY).filter(isTimeline).at(-1) as Request;
      expect(queryOf(timeline).get('ruleId')).toBe(OTHER_RULE);
      expect(queryOf(timeline).has('state')).toBe(false);
      expect(
        await screen.findByText('No changes into firing in the last 7 days'),
      ).toBeInTheDocument();
    });

    it('reads the filters back from the URL', async () => {
      const api = network();
      show(`/admin/alerts/history?rule=${RULE_ID}&range=30d&state=pending&page=2`);
      await waitFor(() => expect(screen.getByLabelText('Rule')).toHaveValue(RULE_ID));
      expect(screen.getByLabelText('Changed into')).toHaveValue('pending');
      expect(screen.getByRole('button', { name: 'Last 30 d' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await waitFor(() => expect(api.requestsTo(HISTORY).length).toBeGreaterThanOrEqual(2));
      const table = api.requestsTo(HISTORY).find((request) => !isTimeline(request)) as Request;
      expect(Object.fromEntries(queryOf(table))).toMatchObject({
        ruleId: RULE_ID,
        state: 'pending',
        page: '2',
      });
    });

    it('pages through the changes, keeping the page in the URL', async () => {
      const api = network({
        [HISTORY]: (request) =>
          json(
            aChangePage([aChange()], { total: 120, page: Number(queryOf(request).get('page')) }),
          ),
      });
      const { user, router } = show();
      await screen.findByText(/Page 1 of 3/);
      await user.click(screen.getByRole('button', { name: 'Next page' }));
      await waitFor(() => expect(router.state.location.search).toBe('?page=2'));
      await screen.findByText(/Page 2 of 3/);
      expect(queryOf(api.requestsTo(HISTORY).at(-1) as Request).get('page')).toBe('2');
    });
  });

  describe('deliveries', () => {
    it('opens a change’s deliveries under it: contact point, status, attempts, reply, error, next attempt', async () => {
      const change = aChange({ id: '501', occurredAt: minutesAgo(5) });
      const hook = aContactPoint({ name: 'Incident bot' });
      const api = network({
        [HISTORY]: json(aChangePage([change])),
        [CONTACT_POINTS]: json(aContactPointList([hook])),
        [DELIVERIES_OF('501')]: json(
          aDeliveryPage([
            aDelivery({
              contactPointId: hook.id,
              status: 'pending',
              attempts: 2,
              responseCode: 503,
              lastError: 'The receiver answered 503 Service Unavailable',
              nextAttemptAt: '2026-11-21T10:07:00.000Z',
              sentAt: null,
            }),
            aDelivery({
              contactPointType: 'email',
              recipient: 'oncall@example.com',
              status: 'sent',
              responseCode: 250,
            }),
          ]),
        ),
      });
      const { user } = show();
      const toggle = await screen.findByRole('button', {
        name: /Deliveries of Slow endpoints becoming firing/,
      });
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await user.click(toggle);
      expect(toggle).toHaveAttribute('aria-expanded', 'true');

      const table = await screen.findByRole('table', { name: 'Deliveries of this change' });
      expect(
        document.getElementById(toggle.getAttribute('aria-controls') as string),
      ).toContainElement(table);
      const [, retrying, delivered] = within(table).getAllByRole('row');
      expect(retrying).toHaveTextContent('Incident bot');
      expect(retrying).toHaveTextContent('https://hooks.example.com');
      expect(retrying).toHaveTextContent('Pending');
      expect(retrying).toHaveTextContent('HTTP 503');
      expect(retrying).toHaveTextContent('The receiver answered 503 Service Unavailable');
      expect(within(defined(retrying)).getByTitle('2026-11-21 10:07:00 UTC')).toBeInTheDocument();
      expect(within(defined(retrying)).getAllByRole('cell')[3]).toHaveTextContent('2');
      expect(delivered).toHaveTextContent('Email (deleted)');
      expect(delivered).toHaveTextContent('Delivered');
      expect(delivered).toHaveTextContent('SMTP 250');
      expect(api.requestsTo(DELIVERIES_OF('501'))).toHaveLength(1);

      await user.click(toggle);
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      expect(screen.queryByRole('table', { name: 'Deliveries of this change' })).toBeNull();
    });

    it('says when no notification reported a change', async () => {
      network({
        [HISTORY]: json(aChangePage([aChange({ id: '77', toState: 'pending' })])),
        [DELIVERIES_OF('77')]: json(aDeliveryPage([])),
      });
      const { user } = show();
      await user.click(
        await screen.findByRole('button', {
          name: /Deliveries of Slow endpoints becoming pending/,
        }),
      );
      expect(await screen.findByText('No notification reported this change')).toBeInTheDocument();
    });

    it('explains deliveries that could not be loaded', async () => {
      network({
        [HISTORY]: json(aChangePage([aChange({ id: '78' })])),
        [DELIVERIES_OF('78')]: apiError(500, 'Internal server error'),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: /Deliveries of Slow endpoints/ }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'The deliveries could not be loaded',
      );
    });
  });

  describe('recent deliveries', () => {
    it('lists the newest deliveries of the chosen rule, by status kept in the URL', async () => {
      const hook = aContactPoint({ name: 'Incident bot' });
      const api = network({
        [CONTACT_POINTS]: json(aContactPointList([hook])),
        [RECENT]: json({
          ...aDeliveryPage([
            aDelivery({ contactPointId: hook.id, status: 'failed', lastError: 'Gone (410)' }),
          ]),
          total: 45,
        }),
      });
      const { user, router } = show(`/admin/alerts/history?rule=${RULE_ID}`);
      const table = await screen.findByRole('table', { name: 'Recent deliveries, newest first' });
      expect(within(table).getAllByRole('row')[1]).toHaveTextContent(
        /Incident bot.*Failed.*Gone \(410\)/,
      );
      expect(screen.getByText('Showing 1 of 45, newest first.')).toBeInTheDocument();
      expect(Object.fromEntries(queryOf(defined(api.requestsTo(RECENT)[0])))).toEqual({
        limit: '20',
        ruleId: RULE_ID,
      });

      api.on(RECENT, json(aDeliveryPage([])));
      await user.selectOptions(screen.getByLabelText('Delivery status'), 'pending');
      expect(new URLSearchParams(router.state.location.search).get('delivery')).toBe('pending');
      expect(await screen.findByText('No pending deliveries')).toBeInTheDocument();
      expect(queryOf(api.requestsTo(RECENT).at(-1) as Request).get('status')).toBe('pending');
    });

    it('explains deliveries that could not be listed', async () => {
      network({ [RECENT]: apiError(500, 'Internal server error') });
      show();
      expect(await screen.findByText('Deliveries could not be loaded')).toBeInTheDocument();
    });
  });

  it('reads the history again when an alert fires', async () => {
    const api = network();
    show();
    await screen.findByText('No state changes in the last 24 hours');
    const before = api.requestsTo(HISTORY).length;
    api.on(HISTORY, json(aChangePage([aChange({ occurredAt: minutesAgo(1) })])));
    act(() =>
      publishRealtime({
        type: 'alert.state_changed',
        payload: { alertId: RULE_ID, from: 'normal', to: 'pending' },
        traceId: null,
        at: new Date().toISOString(),
      }),
    );
    expect(await screen.findByRole('link', { name: 'Slow endpoints' })).toBeInTheDocument();
    expect(api.requestsTo(HISTORY).length).toBeGreaterThan(before);
  });
});
