import { screen, waitFor, within } from '@testing-library/react';
import { useToasts } from '../toasts';
import { apiError, bodyOf, fakeApi, json, pending, type FakeRoute } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { AlertRuleEditorPage } from './AlertRuleEditorPage';
import {
  aContactPoint,
  anInstance,
  aPreview,
  aRule,
  aRuleDetail,
  aSeries,
} from './testing/factories';
import { defined } from '../../test/defined';

const CREATE = 'POST /api/v1/monitoring/alerts';
const PREVIEW = 'POST /api/v1/monitoring/alerts/preview';
const CONTACT_POINTS = 'GET /api/v1/monitoring/alerts/contact-points';

const webhook = aContactPoint({ name: 'On-call webhook' });
const email = aContactPoint({
  name: 'Team mail',
  type: 'email',
  settings: { addresses: ['team@example.com'] },
});

const network = (routes: Record<string, FakeRoute | Response> = {}) =>
  fakeApi({
    [CONTACT_POINTS]: json({ items: [webhook, email] }),
    [PREVIEW]: json(aPreview()),
    ...routes,
  });

const showNew = () => renderPage(<AlertRuleEditorPage />, { url: '/admin/alerts/new', path: '*' });

const showEdit = (id: string) =>
  renderPage(<AlertRuleEditorPage />, {
    url: `/admin/alerts/${id}/edit`,
    // Also matches the rule's page the form returns to, so leaving it renders no error.
    path: '/admin/alerts/:id/*',
  });

const preview = () => screen.getByRole('region', { name: 'Preview' });

const lastBodyOf = (api: ReturnType<typeof fakeApi>, route: string) =>
  bodyOf(defined(api.requestsTo(route).at(-1)));

describe('AlertRuleEditorPage', () => {
  describe('a new rule', () => {
    it('starts from sensible defaults and previews them at once', async () => {
      const api = network({
        [PREVIEW]: json(
          aPreview({ state: 'pending', instances: [anInstance({ state: 'pending', value: 630 })] }),
        ),
      });
      showNew();
      expect(screen.getByRole('heading', { level: 1, name: 'New alert rule' })).toBeVisible();
      expect(screen.getByLabelText('Metric')).toHaveValue('p95_latency_ms');
      expect(screen.getByLabelText('Threshold (ms)')).toHaveValue(500);
      expect(screen.getByLabelText('Measured over the last')).toHaveValue(5);
      expect(screen.getByLabelText('Measured over the last: unit')).toHaveValue('minutes');
      expect(screen.getByLabelText('Pending period')).toHaveValue(2);
      expect(screen.getByLabelText('Repeat interval')).toHaveValue(4);
      expect(screen.getByLabelText('Repeat interval: unit')).toHaveValue('hours');
      expect(screen.getByLabelText('Tell the contact points when alerts resolve')).toBeChecked();

      expect(
        await within(preview()).findByText('The condition holds: the rule would fire.'),
      ).toBeVisible();
      expect(preview()).toHaveTextContent('Current value630 ms (fires when > 500 ms)');
      expect(within(preview()).getAllByText('Pending')[0]).toHaveClass('badge');
      expect(preview()).toHaveTextContent('The condition holds: the rule would fire.');
      const chart = within(preview()).getByRole('figure', {
        name: 'Measured over the last 6 hours',
      });
      expect(chart).toHaveAccessibleDescription(
        'Highest 420 ms, lowest 300 ms, latest 420 ms; fires when > 500 ms.',
      );
      expect(within(chart).getByText('Threshold > 500 ms')).toBeInTheDocument();
      expect(new URL(defined(api.requestsTo(PREVIEW)[0]).url).searchParams.get('hours')).toBe('6');
      expect(await lastBodyOf(api, PREVIEW)).toMatchObject({
        name: 'Unnamed rule',
        metricType: 'p95_latency_ms',
        threshold: 500,
        windowSeconds: 300,
        pendingSeconds: 120,
      });
    });

    it('previews again once typing pauses, showing which instances would fire', async () => {
      const api = network();
      const { user } = showNew();
      await within(preview()).findByText('Nothing would fire now.');
      api.on(
        PREVIEW,
        json(
          aPreview({
            state: 'firing',
            instances: [
              anInstance({
                key: 'a',
                labels: { route: '/api/v1/budgets', method: 'GET' },
                value: 120,
              }),
              anInstance({
                key: 'b',
                labels: { route: '/api/v1/transactions', method: 'GET' },
                state: 'firing',
                value: 800,
              }),
            ],
          }),
        ),
      );
      await user.selectOptions(screen.getByLabelText('Alert separately for'), 'route');
      const threshold = screen.getByLabelText('Threshold (ms)');
      await user.clear(threshold);
      await user.type(threshold, '630');

      expect(
        await within(preview()).findByText('1 of 2 instances meet the condition and would fire.'),
      ).toBeVisible();
      const rows = within(preview()).getAllByRole('row');
      expect(rows[1]).toHaveTextContent('route=/api/v1/transactions, method=GET');
      expect(rows[1]).toHaveTextContent('Firing');
      expect(rows[1]).toHaveTextContent('800 ms');
      expect(preview()).toHaveTextContent('Current value800 ms');
      // One request for the settled form, not one per key.
      expect(api.requestsTo(PREVIEW)).toHaveLength(2);
      expect(await lastBodyOf(api, PREVIEW)).toMatchObject({ threshold: 630, groupBy: 'route' });
    });

    it('says when the last hours had nothing to chart', async () => {
      network({ [PREVIEW]: json(aPreview({ instances: [], series: aSeries([null, null]) })) });
      showNew();
      expect(
        await within(preview()).findByText(
          'Nothing was measured in this range; the rule fires when > 500 ms.',
        ),
      ).toBeVisible();
      expect(preview()).toHaveTextContent('No instance has data in the window yet.');
    });

    it('shows in the preview what the API refuses about the draft', async () => {
      network({
        [PREVIEW]: apiError(400, 'The rule cannot be evaluated as written', {
          'filters.route': [
            'the API has no route /nope; use a template such as /api/v1/transactions/:id',
          ],
        }),
      });
      showNew();
      expect(
        await within(preview()).findByText(
          'The API has no route /nope; use a template such as /api/v1/transactions/:id',
        ),
      ).toBeVisible();
    });

    it('words what the API refuses after the fields, never by its field names', async () => {
      network({
        [PREVIEW]: apiError(400, 'Validation failed', {
          'notification.repeatIntervalSeconds': [
            'repeatIntervalSeconds must not be greater than 604800',
          ],
          someFutureField: ['someFutureField must be a number'],
        }),
      });
      showNew();
      expect(
        await within(preview()).findByText('Repeat interval must not be greater than 604800'),
      ).toBeVisible();
      expect(within(preview()).getByText('Some future field must be a number.')).toBeVisible();
    });

    it('offers only the filters and groupings the chosen metric can honour', async () => {
      network();
      const { user } = showNew();
      expect(screen.getByLabelText('Route')).toBeVisible();
      expect(screen.getByLabelText('Method')).toBeVisible();
      expect(screen.queryByLabelText('Source')).toBeNull();

      await user.selectOptions(screen.getByLabelText('Metric'), 'exception_count');
      expect(screen.queryByLabelText('Route')).toBeNull();
      expect(screen.getByLabelText('Source')).toBeVisible();
      const level = screen.getByLabelText('Level');
      expect(
        within(level)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['Any', 'error', 'fatal']);
      const groupBy = screen.getByLabelText('Alert separately for');
      expect(
        within(groupBy)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['The whole rule (one alert)', 'Each source (API, browsers)']);
      expect(screen.getByLabelText('Threshold (count)')).toHaveValue(5);

      await user.selectOptions(screen.getByLabelText('Metric'), 'error_rate');
      expect(screen.getByLabelText('Threshold (% of requests)')).toHaveValue(2);
    });

    it('creates the rule and opens its page', async () => {
      const created = aRule({ name: 'Slow budgets' });
      const api = network({ [CREATE]: json(created, 201) });
      const { user, router } = showNew();
      await user.type(screen.getByLabelText('Name'), 'Slow budgets');
      await user.type(screen.getByLabelText('Route'), '/api/v1/budgets');
      await user.selectOptions(screen.getByLabelText('Severity'), 'critical');
      await user.type(screen.getByLabelText('Annotation 1 value'), 'Budgets are slow');
      await user.click(screen.getByRole('button', { name: 'Add label' }));
      await user.type(screen.getByLabelText('Label 1 name'), 'team');
      await user.type(screen.getByLabelText('Label 1 value'), 'payments');
      await user.click(await screen.findByLabelText(/On-call webhook/));
      await user.click(screen.getByRole('button', { name: 'Create rule' }));

      await waitFor(() =>
        expect(router.state.location.pathname).toBe(`/admin/alerts/${created.id}`),
      );
      expect(await lastBodyOf(api, CREATE)).toEqual({
        name: 'Slow budgets',
        description: '',
        severity: 'critical',
        enabled: true,
        metricType: 'p95_latency_ms',
        filters: { route: '/api/v1/budgets' },
        groupBy: null,
        operator: '>',
        threshold: 500,
        windowSeconds: 300,
        intervalSeconds: 60,
        pendingSeconds: 120,
        keepFiringSeconds: 0,
        noDataState: 'normal',
        labels: { team: 'payments' },
        annotations: { summary: 'Budgets are slow' },
        notification: {
          contactPointIds: [webhook.id],
          groupWaitSeconds: 30,
          groupIntervalSeconds: 300,
          repeatIntervalSeconds: 14_400,
          sendResolved: true,
        },
      });
      expect(await screen.findByText('Slow budgets created')).toBeVisible();
    });

    it('shows the API’s messages beside their fields and focuses the first', async () => {
      const api = network({
        [CREATE]: apiError(400, 'The rule cannot be evaluated as written', {
          windowSeconds: ['the window (30 s) must be at least the evaluation interval (60 s)'],
          'notification.contactPointIds': ['Team mail cannot send: SMTP_URL is not set'],
          someFutureField: ['someFutureField must be a number'],
        }),
      });
      const { user, router } = showNew();
      await user.type(screen.getByLabelText('Name'), 'Slow budgets');
      await user.click(await screen.findByLabelText(/Team mail/));
      await user.click(screen.getByRole('button', { name: 'Create rule' }));

      const window = screen.getByLabelText('Measured over the last');
      await waitFor(() => expect(window).toHaveFocus());
      expect(window).toHaveAttribute('aria-invalid', 'true');
      expect(window).toHaveAccessibleDescription(
        'The window (30 s) must be at least the evaluation interval (60 s)',
      );
      const mail = screen.getByLabelText(/Team mail/);
      expect(mail).toHaveAttribute('aria-invalid', 'true');
      expect(mail).toHaveAccessibleDescription('Team mail cannot send: SMTP_URL is not set');
      expect(screen.getByText('The rule cannot be evaluated as written')).toHaveAttribute(
        'role',
        'alert',
      );
      const form = screen.getByRole('button', { name: 'Create rule' }).closest('form');
      expect(
        within(form as HTMLElement).getByText('Some future field must be a number.'),
      ).toBeVisible();
      expect(form).not.toHaveTextContent('someFutureField');
      expect(router.state.location.pathname).toBe('/admin/alerts/new');
      expect(api.requestsTo(CREATE)).toHaveLength(1);
    });

    it('says what the form itself can tell before asking the API', async () => {
      const api = network();
      const { user } = showNew();
      await user.type(screen.getByLabelText('Name'), 'Slow budgets');
      await user.clear(screen.getByLabelText('Threshold (ms)'));
      await user.click(screen.getByRole('button', { name: 'Create rule' }));

      const threshold = screen.getByLabelText('Threshold (ms)');
      expect(threshold).toHaveFocus();
      expect(threshold).toHaveAccessibleDescription('Enter the threshold as a number.');
      expect(preview()).toHaveTextContent('The preview needs:Enter the threshold as a number.');
      expect(api.requestsTo(CREATE)).toHaveLength(0);
    });

    it('offers to add a contact point when there is none', async () => {
      network({ [CONTACT_POINTS]: json({ items: [] }) });
      showNew();
      expect(await screen.findByRole('link', { name: 'Add a contact point' })).toHaveAttribute(
        'href',
        '/admin/alerts/contact-points',
      );
    });
  });

  describe('editing a rule', () => {
    const rule = aRule({
      name: 'Failing routes',
      metricType: 'error_rate',
      threshold: 0.05,
      groupBy: 'route',
      windowSeconds: 600,
      notification: {
        contactPointIds: [webhook.id],
        groupWaitSeconds: 30,
        groupIntervalSeconds: 300,
        repeatIntervalSeconds: 14_400,
        sendResolved: false,
      },
    });
    const DETAIL = `GET /api/v1/monitoring/alerts/${rule.id}`;
    const REPLACE = `PUT /api/v1/monitoring/alerts/${rule.id}`;

    it('shows a skeleton while the rule loads', () => {
      network({ [DETAIL]: pending });
      showEdit(rule.id);
      expect(screen.getByRole('status', { name: 'Loading the alert rule' })).toBeVisible();
    });

    it('says when the rule does not exist', async () => {
      network({ [DETAIL]: apiError(404, 'No alert rule with this ID') });
      showEdit(rule.id);
      expect(await screen.findByText('This alert rule does not exist')).toBeVisible();
    });

    it('explains a failed load and tries again', async () => {
      const api = network({ [DETAIL]: apiError(500, 'Internal server error') });
      const { user } = showEdit(rule.id);
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The alert rule could not be loaded');
      api.on(DETAIL, json(aRuleDetail(rule)));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('heading', { name: 'Edit Failing routes' })).toBeVisible();
    });

    it('fills the form from the rule and replaces it on save', async () => {
      const api = network({ [DETAIL]: json(aRuleDetail(rule)), [REPLACE]: json(rule) });
      const { user, router } = showEdit(rule.id);
      const threshold = await screen.findByLabelText('Threshold (% of requests)');
      expect(threshold).toHaveValue(5);
      expect(screen.getByLabelText('Alert separately for')).toHaveValue('route');
      expect(screen.getByLabelText('Measured over the last')).toHaveValue(10);
      expect(await screen.findByLabelText(/On-call webhook/)).toBeChecked();
      expect(
        screen.getByLabelText('Tell the contact points when alerts resolve'),
      ).not.toBeChecked();

      await user.clear(threshold);
      await user.type(threshold, '7.5');
      await user.click(screen.getByRole('button', { name: 'Save rule' }));

      await waitFor(() => expect(router.state.location.pathname).toBe(`/admin/alerts/${rule.id}`));
      expect(await lastBodyOf(api, REPLACE)).toMatchObject({
        name: 'Failing routes',
        threshold: 0.075,
        groupBy: 'route',
        windowSeconds: 600,
        notification: { contactPointIds: [webhook.id], sendResolved: false },
      });
      expect(useToasts.getState().toasts.map((toast) => toast.message)).toContain(
        'Failing routes saved',
      );
    });

    it('shows a taken name beside the name field', async () => {
      network({
        [DETAIL]: json(aRuleDetail(rule)),
        [REPLACE]: apiError(409, 'An alert rule with this name exists', {
          name: ['another rule already has this name'],
        }),
      });
      const { user } = showEdit(rule.id);
      await user.click(await screen.findByRole('button', { name: 'Save rule' }));
      const name = screen.getByLabelText('Name');
      await waitFor(() => expect(name).toHaveFocus());
      expect(name).toHaveAccessibleDescription('Another rule already has this name');
    });
  });
});
