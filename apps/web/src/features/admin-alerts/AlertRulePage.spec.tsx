import { act, screen, waitFor, within } from '@testing-library/react';
import { publishRealtime } from '../realtime';
import { apiError, bodyOf, fakeApi, json, pending, type FakeRoute } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { AlertRulePage } from './AlertRulePage';
import {
  aContactPoint,
  anInstance,
  aRule,
  aPreview,
  aRuleDetail,
  aSeries,
  aSilence,
  aTestResult,
} from './testing/factories';
import { defined } from '../../test/defined';

const webhook = aContactPoint({ name: 'On-call webhook' });
const rule = aRule({
  name: 'Slow routes',
  state: 'firing',
  severity: 'critical',
  groupBy: 'route',
  threshold: 500,
  notification: {
    contactPointIds: [webhook.id],
    groupWaitSeconds: 30,
    groupIntervalSeconds: 300,
    repeatIntervalSeconds: 14_400,
    sendResolved: true,
  },
});
const firing = anInstance({
  key: 'GET /api/v1/transactions',
  labels: { route: '/api/v1/transactions', method: 'GET' },
  state: 'firing',
  value: 630,
  activeSince: '2026-11-21T09:50:00.000Z',
  firingSince: '2026-11-21T09:52:00.000Z',
});
const calm = anInstance({
  key: 'GET /api/v1/budgets',
  labels: { route: '/api/v1/budgets', method: 'GET' },
  state: 'normal',
  value: 120,
});

const DETAIL = `GET /api/v1/monitoring/alerts/${rule.id}`;
const SILENCES = 'GET /api/v1/monitoring/alerts/silences';
const CREATE_SILENCE = 'POST /api/v1/monitoring/alerts/silences';
const TEST = `POST /api/v1/monitoring/alerts/${rule.id}/test`;
const DELETE = `DELETE /api/v1/monitoring/alerts/${rule.id}`;
const SAVED_PREVIEW = `POST /api/v1/monitoring/alerts/${rule.id}/preview`;

const network = (routes: Record<string, FakeRoute | Response> = {}) =>
  fakeApi({
    [DETAIL]: json(aRuleDetail(rule, [firing, calm])),
    [SILENCES]: json({ items: [] }),
    [SAVED_PREVIEW]: json(aPreview({ series: aSeries([300, 630, null, 420]) })),
    'GET /api/v1/monitoring/alerts/contact-points': json({ items: [webhook] }),
    ...routes,
  });

// `:id?` also matches the list the page returns to after a delete, so leaving renders no error.
const show = () =>
  renderPage(<AlertRulePage />, { url: `/admin/alerts/${rule.id}`, path: '/admin/alerts/:id?' });

const announce = (type: string, payload: unknown) =>
  act(() => publishRealtime({ type, payload, traceId: null, at: '2026-11-21T10:00:00.000Z' }));

describe('AlertRulePage', () => {
  describe('states', () => {
    it('shows a skeleton while the rule loads', () => {
      network({ [DETAIL]: pending });
      show();
      expect(screen.getByRole('status', { name: 'Loading the alert rule' })).toBeVisible();
      expect(screen.getByRole('link', { name: '← All alert rules' })).toHaveAttribute(
        'href',
        '/admin/alerts',
      );
    });

    it('explains a failed load and tries again', async () => {
      const api = network({ [DETAIL]: apiError(500, 'Internal server error') });
      const { user } = show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The alert rule could not be loaded');
      api.on(DETAIL, json(aRuleDetail(rule)));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('heading', { level: 1, name: 'Slow routes' })).toBeVisible();
    });

    it('says when the rule does not exist', async () => {
      network({ [DETAIL]: apiError(404, 'No alert rule with this ID') });
      show();
      expect(await screen.findByText('This alert rule does not exist')).toBeVisible();
    });

    it('shows the rule in words, its state, whom it notifies and each instance', async () => {
      network();
      show();
      const summary = await screen.findByRole('region', { name: 'Summary' });
      expect(summary).toHaveTextContent(
        'Fires when the p95 latency > 500 ms over 5 minutes, per route.',
      );
      expect(summary).toHaveTextContent('Listing transactions is slow');
      expect(within(summary).getByText('Firing')).toBeVisible();
      expect(within(summary).getByText('Critical')).toBeVisible();
      expect(summary).toHaveTextContent(
        'Every minute; fires once the condition has held for 2 minutes; no data counts as normal',
      );
      expect(await within(summary).findByText(/On-call webhook/)).toHaveTextContent(
        'On-call webhook (wait 30 seconds, then every 5 minutes, repeat after 4 hours)',
      );
      expect(
        within(summary).getByRole('link', { name: 'State changes and deliveries of this rule' }),
      ).toHaveAttribute('href', `/admin/alerts/history?rule=${rule.id}`);

      const instances = screen.getByRole('region', { name: 'Instances' });
      const rows = within(instances).getAllByRole('row');
      expect(rows).toHaveLength(3);
      expect(rows[1]).toHaveTextContent('route=/api/v1/transactions, method=GET');
      expect(rows[1]).toHaveTextContent('Firing');
      expect(rows[1]).toHaveTextContent('630 ms');
      expect(within(defined(rows[1])).getByRole('time')).toHaveAttribute(
        'dateTime',
        '2026-11-21T09:52:00.000Z',
      );
      expect(rows[2]).toHaveTextContent('Normal');
      expect(rows[2]).toHaveTextContent('—');
      expect(screen.getByRole('region', { name: 'Active silences' })).toHaveTextContent(
        'No silence holds back its notifications.',
      );
    });

    it('charts the value of the last hours against the threshold, and says it in words', async () => {
      const api = network();
      show();
      const measured = await screen.findByRole('region', { name: 'Measured value' });
      const chart = await within(measured).findByRole('figure', {
        name: 'p95 latency over the last 6 hours',
      });
      expect(chart).toHaveAccessibleDescription(
        'Highest 630 ms, lowest 300 ms, latest 420 ms; fires when > 500 ms.',
      );
      expect(within(chart).getByText('Threshold > 500 ms')).toBeInTheDocument();
      expect(new URL(defined(api.requestsTo(SAVED_PREVIEW)[0]).url).searchParams.get('hours')).toBe(
        '6',
      );
      expect(screen.getByRole('region', { name: 'Summary' })).toHaveTextContent(
        'Value now420 ms (fires when > 500 ms)',
      );
    });

    it('says when nothing was measured in the last hours', async () => {
      network({ [SAVED_PREVIEW]: json(aPreview({ series: aSeries([null, null]) })) });
      show();
      const measured = await screen.findByRole('region', { name: 'Measured value' });
      expect(
        await within(measured).findByText(
          'Nothing was measured in this range; the rule fires when > 500 ms.',
        ),
      ).toBeVisible();
    });

    it('says when the rule has no instance yet', async () => {
      network({ [DETAIL]: json(aRuleDetail(rule, [])) });
      show();
      expect(
        await screen.findByText(
          'None yet: the rule has not been evaluated, or nothing it measures had data.',
        ),
      ).toBeVisible();
    });
  });

  describe('silences', () => {
    it('asks why before silencing, then silences the rule for the chosen time', async () => {
      const api = network({
        [CREATE_SILENCE]: json(aSilence({ ruleId: rule.id }), 201),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Silence' }));
      const dialog = screen.getByRole('dialog', { name: 'Silence Slow routes' });
      await user.click(within(dialog).getByLabelText('4 hours'));
      await user.click(within(dialog).getByRole('button', { name: 'Silence' }));
      expect(within(dialog).getByLabelText('Comment')).toHaveAccessibleDescription(
        'Say why the alerts are silenced.',
      );
      expect(api.requestsTo(CREATE_SILENCE)).toHaveLength(0);

      api.on(
        SILENCES,
        json({ items: [aSilence({ ruleId: rule.id, comment: 'Deploying the new index' })] }),
      );
      await user.type(within(dialog).getByLabelText('Comment'), 'Deploying the new index');
      const before = Date.now();
      await user.click(within(dialog).getByRole('button', { name: 'Silence' }));

      await waitFor(() => expect(api.requestsTo(CREATE_SILENCE)).toHaveLength(1));
      const body = await bodyOf<{ endsAt: string }>(defined(api.requestsTo(CREATE_SILENCE)[0]));
      expect(body).toMatchObject({ ruleId: rule.id, comment: 'Deploying the new index' });
      const endsIn = Date.parse(body.endsAt) - before;
      expect(endsIn).toBeGreaterThanOrEqual(4 * 3600_000 - 1000);
      expect(endsIn).toBeLessThanOrEqual(4 * 3600_000 + 5000);
      expect(await screen.findByText(/^Slow routes silenced until/)).toBeVisible();
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      const silences = screen.getByRole('region', { name: 'Active silences' });
      expect(await within(silences).findByText('Deploying the new index')).toBeVisible();
      expect(
        within(screen.getByRole('region', { name: 'Summary' })).getByText('Silenced'),
      ).toBeVisible();
    });

    it('shows the API’s message for an end in the past beside the time', async () => {
      network({
        [CREATE_SILENCE]: apiError(400, 'Validation failed', {
          endsAt: ['endsAt must be in the future'],
        }),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Silence' }));
      const dialog = screen.getByRole('dialog', { name: 'Silence Slow routes' });
      await user.click(within(dialog).getByLabelText('Until a date and time'));
      await user.type(within(dialog).getByLabelText('Silence until'), '2020-01-01T10:00');
      await user.type(within(dialog).getByLabelText('Comment'), 'Maintenance');
      await user.click(within(dialog).getByRole('button', { name: 'Silence' }));
      const until = within(dialog).getByLabelText('Silence until');
      await waitFor(() =>
        expect(until).toHaveAccessibleDescription('Silence until must be in the future'),
      );
      const alert = within(dialog).getByRole('alert');
      expect(alert).toHaveTextContent('Reference: ffffffff');
      expect(alert.parentElement?.firstElementChild).toBe(alert);
    });

    it('lists the rule’s active silences only, and expires one now', async () => {
      const own = aSilence({ ruleId: rule.id, comment: 'Planned maintenance' });
      const other = aSilence({ ruleId: aRule().id, comment: 'Another rule' });
      const api = network({
        [SILENCES]: json({ items: [own, other] }),
        [`DELETE /api/v1/monitoring/alerts/silences/${own.id}`]: json({ ...own, state: 'expired' }),
      });
      const { user } = show();
      const silences = await screen.findByRole('region', { name: 'Active silences' });
      expect(await within(silences).findByText('Planned maintenance')).toBeVisible();
      expect(within(silences).queryByText('Another rule')).toBeNull();
      expect(new URL(defined(api.requestsTo(SILENCES)[0]).url).searchParams.get('state')).toBe(
        'active',
      );

      api.on(SILENCES, json({ items: [other] }));
      await user.click(within(silences).getByRole('button', { name: /^Expire now/ }));
      expect(await screen.findByText('Silence expired')).toBeVisible();
      expect(
        await within(silences).findByText('No silence holds back its notifications.'),
      ).toBeVisible();
      expect(api.requestsTo(`DELETE /api/v1/monitoring/alerts/silences/${own.id}`)).toHaveLength(1);
    });
  });

  describe('actions', () => {
    it('sends a test and shows what each contact point answered', async () => {
      network({
        [TEST]: json([
          aTestResult({ contactPointName: 'On-call webhook', status: 'sent', responseCode: 204 }),
          aTestResult({
            contactPointName: 'Pager SMS',
            contactPointType: 'sms',
            recipient: '+4915112345678',
            status: 'failed',
            responseCode: 400,
            error: 'The number is not a valid phone number',
          }),
        ]),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Send test' }));
      const dialog = screen.getByRole('dialog', { name: 'Test of Slow routes' });
      expect(await within(dialog).findByText('Delivered to 1 of 2 recipients.')).toBeVisible();
      const [delivered, failed] = within(dialog).getAllByRole('listitem');
      expect(delivered).toHaveTextContent('On-call webhook');
      expect(within(defined(delivered)).getByText('Delivered')).toHaveClass('badge--success');
      expect(delivered).toHaveTextContent('status code 204');
      expect(failed).toHaveTextContent('Pager SMS');
      expect(within(defined(failed)).getByText('Not delivered')).toHaveClass('badge--danger');
      expect(failed).toHaveTextContent('+4915112345678 · status code 400');
      expect(failed).toHaveTextContent('The number is not a valid phone number');
      await user.click(within(dialog).getByRole('button', { name: 'Done' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    it('says when the test could not be sent', async () => {
      network({ [TEST]: apiError(500, 'Internal server error') });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Send test' }));
      const dialog = screen.getByRole('dialog', { name: 'Test of Slow routes' });
      expect(await within(dialog).findByRole('alert')).toHaveTextContent('Internal server error');
    });

    it('deletes the rule after asking, and returns to the list', async () => {
      const api = network({ [DELETE]: json(null, 204) });
      const { user, router } = show();
      await user.click(await screen.findByRole('button', { name: 'Delete' }));
      const dialog = screen.getByRole('dialog', { name: 'Delete Slow routes?' });
      expect(dialog).toHaveTextContent(
        'It stops being evaluated, and what it had notified resolves.',
      );
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
      await waitFor(() => expect(router.state.location.pathname).toBe('/admin/alerts'));
      expect(api.requestsTo(DELETE)).toHaveLength(1);
      expect(await screen.findByText('Slow routes deleted')).toBeVisible();
    });

    it('disables the rule from its page', async () => {
      const api = network({
        [`PUT /api/v1/monitoring/alerts/${rule.id}`]: json({ ...rule, enabled: false }),
      });
      const { user } = show();
      await user.click(await screen.findByRole('switch', { name: 'Enabled (Slow routes)' }));
      expect(await screen.findByText('Slow routes disabled')).toBeVisible();
      expect(
        await defined(api.requestsTo(`PUT /api/v1/monitoring/alerts/${rule.id}`)[0]).json(),
      ).toMatchObject({ enabled: false, groupBy: 'route' });
    });
  });

  describe('live', () => {
    it('shows an instance going pending at once, without a toast', async () => {
      const api = network({ [DETAIL]: json(aRuleDetail({ ...rule, state: 'normal' }, [calm])) });
      show();
      const summary = await screen.findByRole('region', { name: 'Summary' });
      expect(within(summary).getByText('Normal')).toBeVisible();

      api.on(DETAIL, json(aRuleDetail({ ...rule, state: 'pending' }, [calm])));
      announce('alert.state_changed', { alertId: rule.id, from: 'normal', to: 'pending' });
      expect(await within(summary).findByText('Pending')).toBeVisible();
      expect(screen.queryByRole('button', { name: 'Open rule' })).toBeNull();
    });

    it('refetches the rule when an instance fires and tells the admin', async () => {
      const api = network({ [DETAIL]: json(aRuleDetail({ ...rule, state: 'pending' }, [calm])) });
      const { user, router } = show();
      const summary = await screen.findByRole('region', { name: 'Summary' });
      expect(within(summary).getByText('Pending')).toBeVisible();

      api.on(DETAIL, json(aRuleDetail(rule, [firing, calm])));
      announce('alert.state_changed', { alertId: rule.id, from: 'pending', to: 'firing' });
      announce('alert.fired', {
        alertId: rule.id,
        historyId: '42',
        name: rule.name,
        severity: 'critical',
        metric: 'p95_latency_ms',
        value: 630,
        threshold: 500,
        message: 'Slow routes (/api/v1/transactions GET): p95 latency 630 ms > 500 ms',
        occurredAt: '2026-11-21T10:00:00.000Z',
      });

      expect(
        await screen.findByText(
          'Firing: Slow routes (/api/v1/transactions GET): p95 latency 630 ms > 500 ms',
        ),
      ).toBeVisible();
      expect(await within(summary).findByText('Firing')).toBeVisible();
      expect(api.requestsTo(DETAIL)).toHaveLength(2);

      announce('alert.state_changed', { alertId: rule.id, from: 'firing', to: 'normal' });
      announce('alert.resolved', {
        alertId: rule.id,
        historyId: '43',
        name: rule.name,
        severity: 'critical',
        metric: 'p95_latency_ms',
        value: 400,
        threshold: 500,
        message: 'Slow routes (/api/v1/transactions GET) resolved: p95 latency 400 ms',
        occurredAt: '2026-11-21T10:05:00.000Z',
      });
      const resolved = await screen.findByText(
        'Slow routes (/api/v1/transactions GET) resolved: p95 latency 400 ms',
      );
      await waitFor(() => expect(api.requestsTo(DETAIL)).toHaveLength(3));

      const toast = resolved.closest('li') as HTMLElement;
      await user.click(within(toast).getByRole('button', { name: 'Open rule' }));
      expect(router.state.location.pathname).toBe(`/admin/alerts/${rule.id}`);
    });
  });
});
