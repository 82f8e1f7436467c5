import { act, screen, waitFor, within } from '@testing-library/react';
import { publishRealtime } from '../realtime';
import { apiError, bodyOf, fakeApi, json, pending, type FakeRoute } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { AlertRulesPage } from './AlertRulesPage';
import { aRule, aSeries, aSeriesOfRules, aSilence } from './testing/factories';
import { defined } from '../../test/defined';

const RULES = 'GET /api/v1/monitoring/alerts';
const SILENCES = 'GET /api/v1/monitoring/alerts/silences';
const SERIES = 'GET /api/v1/monitoring/alerts/series';

const show = () => renderPage(<AlertRulesPage />, { url: '/admin/alerts', path: '/admin/alerts' });

const network = (routes: Record<string, FakeRoute | Response> = {}) =>
  fakeApi({
    [RULES]: json([]),
    [SILENCES]: json({ items: [] }),
    [SERIES]: json(aSeriesOfRules([])),
    ...routes,
  });

const rowOf = (name: string) =>
  screen.getByRole('link', { name }).closest('tr') as HTMLTableRowElement;

describe('AlertRulesPage', () => {
  describe('states', () => {
    it('shows a skeleton while the rules load, with the way to the other alerting pages', () => {
      network({ [RULES]: pending });
      show();
      expect(screen.getByRole('status', { name: 'Loading alert rules' })).toBeVisible();
      const links = screen.getByRole('navigation', { name: 'Alerting' });
      expect(within(links).getByRole('link', { name: 'Contact points' })).toHaveAttribute(
        'href',
        '/admin/alerts/contact-points',
      );
      expect(within(links).getByRole('link', { name: 'History' })).toHaveAttribute(
        'href',
        '/admin/alerts/history',
      );
      expect(within(links).getByRole('link', { name: 'New rule' })).toHaveAttribute(
        'href',
        '/admin/alerts/new',
      );
    });

    it('explains a failed load and tries again', async () => {
      const api = network({ [RULES]: apiError(500, 'Internal server error') });
      const { user } = show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Alert rules could not be loaded');
      expect(alert).toHaveTextContent('Internal server error');
      api.on(RULES, json([aRule({ name: 'Slow list' })]));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('link', { name: 'Slow list' })).toBeVisible();
    });

    it('invites creating the first rule when there is none', async () => {
      network();
      show();
      expect(await screen.findByText('No alert rules yet')).toBeVisible();
      expect(screen.getByRole('link', { name: 'Create the first rule' })).toHaveAttribute(
        'href',
        '/admin/alerts/new',
      );
    });

    it('lists each rule with its state, severity, condition in words and last evaluation', async () => {
      const firing = aRule({
        name: 'Slow list',
        state: 'firing',
        severity: 'critical',
        metricType: 'p95_latency_ms',
        filters: { route: '/api/v1/transactions', method: 'GET' },
        operator: '>',
        threshold: 800,
        lastEvaluatedAt: '2026-11-21T09:59:00.000Z',
      });
      const failing = aRule({
        name: 'Errors',
        state: 'error',
        metricType: 'error_rate',
        threshold: 0.05,
        groupBy: 'route',
        windowSeconds: 600,
        lastEvaluatedAt: null,
        lastError: 'The query timed out',
      });
      network({
        [RULES]: json([firing, failing]),
        [SILENCES]: json({ items: [aSilence({ ruleId: firing.id })] }),
      });
      show();

      const slow = await screen.findByRole('link', { name: 'Slow list' });
      expect(slow).toHaveAttribute('href', `/admin/alerts/${firing.id}`);
      const first = rowOf('Slow list');
      expect(first).toHaveTextContent(
        'p95 latency of GET /api/v1/transactions > 800 ms over 5 minutes',
      );
      expect(within(first).getByText('Firing')).toHaveClass('badge--danger');
      expect(within(first).getByText('Silenced')).toBeVisible();
      expect(within(first).getByText('Critical')).toBeVisible();
      expect(within(first).getByRole('time')).toHaveAttribute(
        'dateTime',
        '2026-11-21T09:59:00.000Z',
      );
      expect(within(first).getByRole('link', { name: 'Edit Slow list' })).toHaveAttribute(
        'href',
        `/admin/alerts/${firing.id}/edit`,
      );

      const second = rowOf('Errors');
      expect(second).toHaveTextContent('error rate > 5 % over 10 minutes, per route');
      expect(within(second).getByText('Error')).toBeVisible();
      expect(within(second).queryByText('Silenced')).toBeNull();
      expect(second).toHaveTextContent('The query timed out');
      expect(second).toHaveTextContent('Not yet');
    });
  });

  describe('values', () => {
    it('shows each rule’s value now against its threshold, with the last hours’ line', async () => {
      const slow = aRule({ name: 'Slow list', value: 630, threshold: 500 });
      const errors = aRule({
        name: 'Errors',
        metricType: 'error_rate',
        threshold: 0.02,
        value: null,
      });
      const fresh = aRule({ name: 'Fresh', lastEvaluatedAt: null, value: null });
      const api = network({
        [RULES]: json([slow, errors, fresh]),
        [SERIES]: json(
          aSeriesOfRules([
            { ruleId: slow.id, points: aSeries([300, 630, null, 420]) },
            { ruleId: errors.id, points: aSeries([null, null]) },
          ]),
        ),
      });
      show();
      await screen.findByRole('link', { name: 'Slow list' });
      const first = rowOf('Slow list');
      expect(first).toHaveTextContent('630 msfires when > 500 ms');
      await waitFor(() =>
        expect(first).toHaveTextContent(
          'Last 6 hours: Highest 630 ms, lowest 300 ms, latest 420 ms.',
        ),
      );
      expect(first.querySelector('.sparkline svg')).not.toBeNull();

      const second = rowOf('Errors');
      expect(second).toHaveTextContent('no datafires when > 2 %');
      expect(second.querySelector('.sparkline')).toBeNull();
      expect(rowOf('Fresh')).toHaveTextContent('—fires when > 800 ms');

      const query = new URL(defined(api.requestsTo(SERIES)[0]).url).searchParams;
      expect([query.get('hours'), query.get('points')]).toEqual(['6', '24']);
    });

    it('still lists the rules when their lines cannot be loaded', async () => {
      network({
        [RULES]: json([aRule({ name: 'Slow list', value: 630 })]),
        [SERIES]: apiError(500, 'Internal server error'),
      });
      show();
      await screen.findByRole('link', { name: 'Slow list' });
      expect(rowOf('Slow list')).toHaveTextContent('630 ms');
      expect(rowOf('Slow list').querySelector('.sparkline')).toBeNull();
    });
  });

  describe('enabling and disabling', () => {
    it('disables a rule by replacing it with enabled: false, and says so', async () => {
      const rule = aRule({ name: 'Slow list', enabled: true });
      const api = network({
        [RULES]: json([rule]),
        [`PUT /api/v1/monitoring/alerts/${rule.id}`]: json({ ...rule, enabled: false }),
      });
      const { user } = show();
      const toggle = await screen.findByRole('switch', { name: 'Enabled (Slow list)' });
      expect(toggle).toBeChecked();
      api.on(RULES, json([{ ...rule, enabled: false }]));
      await user.click(toggle);

      expect(await screen.findByText('Slow list disabled')).toBeVisible();
      expect(toggle).not.toBeChecked();
      const put = defined(api.requestsTo(`PUT /api/v1/monitoring/alerts/${rule.id}`)[0]);
      const body = await bodyOf(put);
      expect(body).toMatchObject({
        name: 'Slow list',
        enabled: false,
        metricType: 'p95_latency_ms',
        threshold: 800,
        pendingSeconds: 120,
        notification: { repeatIntervalSeconds: 14_400 },
      });
      expect(body).not.toHaveProperty('state');
      expect(body).not.toHaveProperty('id');
    });

    it('keeps the switch as it was and explains when the API refuses', async () => {
      const rule = aRule({ name: 'Slow list', enabled: false });
      network({
        [RULES]: json([rule]),
        [`PUT /api/v1/monitoring/alerts/${rule.id}`]: apiError(
          400,
          'The rule cannot be evaluated as written',
        ),
      });
      const { user } = show();
      const toggle = await screen.findByRole('switch', { name: 'Enabled (Slow list)' });
      await user.click(toggle);
      expect(
        await screen.findByText(
          'Slow list could not be changed: The rule cannot be evaluated as written',
        ),
      ).toBeVisible();
      expect(screen.getByRole('alert')).toHaveTextContent('Reference: ffffffff');
      await waitFor(() => expect(toggle).not.toBeChecked());
    });
  });

  describe('live', () => {
    it('refetches the rules when one fires and tells the admin which', async () => {
      const rule = aRule({ name: 'CPU rule', state: 'pending' });
      const api = network({ [RULES]: json([rule]) });
      show();
      await screen.findByRole('link', { name: 'CPU rule' });
      expect(within(rowOf('CPU rule')).getByText('Pending')).toBeVisible();

      api.on(RULES, json([{ ...rule, state: 'firing' }]));
      // As the API sends it: the change of state, then (the instance started firing) the alert.
      act(() =>
        publishRealtime({
          type: 'alert.state_changed',
          payload: { alertId: rule.id, from: 'pending', to: 'firing' },
          traceId: null,
          at: '2026-11-21T10:00:00.000Z',
        }),
      );
      act(() =>
        publishRealtime({
          type: 'alert.fired',
          payload: {
            alertId: rule.id,
            historyId: '7',
            name: 'CPU rule',
            severity: 'warning',
            metric: 'p95_latency_ms',
            value: 900,
            threshold: 800,
            message: 'CPU rule: p95 latency 900 ms > 800 ms',
            occurredAt: '2026-11-21T10:00:00.000Z',
          },
          traceId: null,
          at: '2026-11-21T10:00:00.000Z',
        }),
      );

      expect(
        await screen.findByText('Firing: CPU rule: p95 latency 900 ms > 800 ms'),
      ).toBeVisible();
      expect(await within(rowOf('CPU rule')).findByText('Firing')).toBeVisible();
      expect(api.requestsTo(RULES)).toHaveLength(2);
    });

    it('ignores other realtime events', async () => {
      const api = network({ [RULES]: json([aRule({ name: 'CPU rule' })]) });
      show();
      await screen.findByRole('link', { name: 'CPU rule' });
      act(() =>
        publishRealtime({
          type: 'exception.new',
          payload: {},
          traceId: null,
          at: '2026-11-21T10:00:00.000Z',
        }),
      );
      expect(api.requestsTo(RULES)).toHaveLength(1);
    });
  });
});
