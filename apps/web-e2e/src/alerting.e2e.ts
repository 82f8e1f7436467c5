import { Webhook } from 'standardwebhooks';
import {
  type LocalReceiver,
  startLocalReceiver,
} from '../../api/src/modules/alerts/channels/testing/local-receiver';
import { AppBrowser, WIDTHS } from './support/app-browser';
import { checkAndPhotograph, seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { type RunningApp, startApp } from './support/app';

const ADMIN = { email: 'alerts-admin@example.com', password: 'admin-password-1' };
const USER = { email: 'budget-user@example.com', password: 'correct horse battery' };
/** The signing secret the webhook contact point is given, as Standard Webhooks writes them. */
const SIGNING_SECRET = `whsec_${Buffer.from('ledgerlens-e2e-signing-secret-32b').toString('base64')}`;
const RULE = 'Exceptions in the API';
/** An audit row of an alert rule: its action and the rule's ID. */
const RULE_ID_PATTERN = /alert_rule\.create[\s\S]*alert_rule [0-9a-f-]{36}/;

interface AlertmanagerBody {
  status: string;
  alerts: Array<{ status: string; labels: Record<string, string> }>;
}

/**
 * Alerting from an admin's chair, in Chromium: a webhook contact point and a rule on the
 * exception count are set up through the console (with the rule's preview), a failing request
 * trips it, the rule goes pending and then firing on screen without a reload, the local receiver
 * gets signed Alertmanager bodies (checked with the standardwebhooks package), the admin silences
 * the rule and finds the story in its history and in Audit Logs. Then a user crosses 80 % of a
 * budget and the bell's count goes up without a reload. Each page is checked with axe-core and
 * photographed at both widths (dist/apps/web-e2e/screenshots/alerting-*.png).
 */
describe('an admin sets up alerting, and a user is told about a budget', () => {
  let app: RunningApp;
  let browser: AppBrowser;
  let receiver: LocalReceiver;

  beforeAll(async () => {
    receiver = await startLocalReceiver();
    app = await startApp({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // The receiver listens on 127.0.0.1, which webhooks may not reach in production.
      ALERT_WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    browser = await AppBrowser.launch(app.baseUrl);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await receiver?.close();
  });

  async function api<T>(
    path: string,
    init: { method?: string; token?: string; body?: unknown } = {},
  ): Promise<T> {
    const response = await fetch(`${app.baseUrl}/api/v1/${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  const tokenOf = async (account: { email: string; password: string }) =>
    (await api<{ accessToken: string }>('auth/login', { body: account })).accessToken;

  /** The webhook bodies the receiver got, each verified as Standard Webhooks says. */
  function verifiedBodies(): AlertmanagerBody[] {
    const webhook = new Webhook(SIGNING_SECRET);
    return receiver.received.map(
      (request) =>
        webhook.verify(request.body, {
          'webhook-id': String(request.headers['webhook-id']),
          'webhook-timestamp': String(request.headers['webhook-timestamp']),
          'webhook-signature': String(request.headers['webhook-signature']),
        }) as AlertmanagerBody,
    );
  }

  async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('takes a rule from its contact point to firing, silence and its history', async () => {
    const page = await browser.signedInPage(ADMIN);
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Admin' })
      .getByRole('link', { name: 'Alerts' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Alert rules' }).waitFor();
    await checkAndPhotograph(page, 'alerting-1-no-rules-laptop');

    // 1. A webhook contact point, with the signing secret the receiver knows, tested.
    await page.getByRole('link', { name: 'Contact points' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contact points' }).waitFor();
    await page.getByRole('button', { name: 'New contact point' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Name').fill('On-call webhook');
    await form.getByLabel('Type').selectOption('webhook');
    await form.getByLabel('URL').fill(`${receiver.url}/alerts`);
    await form.getByLabel('Signing secret').fill(SIGNING_SECRET);
    await checkAndPhotograph(page, 'alerting-2-contact-point-form-laptop');
    await form.getByRole('button', { name: /Create|Save/ }).click();
    await form.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: 'On-call webhook' });
    await row.getByText('Set', { exact: true }).waitFor();
    await row.getByRole('button', { name: /Send test/ }).click();
    const test = page.getByRole('dialog');
    await test.getByText(/Delivered/).waitFor();
    await until(() => receiver.received.length === 1, 'the test webhook');
    expect(verifiedBodies()[0]?.status).toBe('firing');
    await checkAndPhotograph(page, 'alerting-3-contact-point-tested-laptop');
    await test.getByRole('button', { name: 'Close', exact: true }).last().click();

    // 2. A rule on the exception count, previewed before it is saved.
    await page.goto('/admin/alerts/new');
    await page.getByRole('heading', { level: 1, name: 'New alert rule' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(RULE);
    await page.getByLabel('Metric').selectOption('exception_count');
    await page.getByLabel('Fires when the value is').selectOption('>');
    await page.getByLabel(/^Threshold/).fill('0');
    // Quick enough for a test: evaluated every 10 s, firing after 10 s pending, sent at once.
    for (const [label, amount] of [
      ['Evaluate every', '10'],
      ['Pending period', '10'],
      ['Group wait', '0'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).fill(amount);
      await page.getByLabel(`${label}: unit`).selectOption('seconds');
    }
    await page.getByRole('checkbox', { name: /On-call webhook/ }).check();
    const preview = page.getByRole('region', { name: /Preview/ });
    await preview
      .getByText(/Normal|No data/i)
      .first()
      .waitFor();
    await checkAndPhotograph(page, 'alerting-4-rule-form-laptop');
    await page.getByRole('button', { name: /Create rule|Save/ }).click();
    await page.getByRole('heading', { level: 1, name: RULE }).waitFor();

    // 3. A failing request trips it: pending, then firing, on screen without a reload.
    const adminToken = await tokenOf(ADMIN);
    const failed = await fetch(`${app.baseUrl}/api/v1/logging/exceptions/test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(failed.status).toBe(500);
    const summary = page.getByRole('region', { name: 'Summary' });
    await summary.getByText('Pending', { exact: true }).waitFor({ timeout: 60_000 });
    await checkAndPhotograph(page, 'alerting-5-rule-pending-laptop');
    await summary.getByText('Firing', { exact: true }).waitFor({ timeout: 60_000 });
    await page
      .getByRole('status')
      .filter({ hasText: /firing/i })
      .first()
      .waitFor();
    await until(
      () =>
        verifiedBodies().some(
          (body) =>
            body.status === 'firing' &&
            body.alerts.some((alert) => alert.labels['alertname'] === RULE),
        ),
      'the firing webhook',
      60_000,
    );
    await checkAndPhotograph(page, 'alerting-6-rule-firing-laptop');

    // 4. Silenced for an hour, with a comment.
    await page.getByRole('button', { name: 'Silence' }).click();
    const silence = page.getByRole('dialog');
    await silence.getByLabel('Comment').fill('Known: the e2e raised it on purpose');
    await silence.getByRole('button', { name: /Silence/ }).click();
    await silence.waitFor({ state: 'hidden' });
    await page.getByText('Known: the e2e raised it on purpose').waitFor();
    await checkAndPhotograph(page, 'alerting-7-rule-silenced-laptop');

    // 5. The story in the rule's history…
    await page.getByRole('link', { name: 'State changes and deliveries of this rule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alert history' }).waitFor();
    await page
      .getByRole('cell', { name: /Firing/ })
      .first()
      .waitFor();
    await page
      .getByRole('cell', { name: /Pending/ })
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    await checkAndPhotograph(page, 'alerting-8-history-laptop');

    // 6. …and in Audit Logs.
    await page.goto('/admin/audit');
    await page.getByRole('heading', { level: 1, name: 'Audit Logs' }).waitFor();
    await page.getByLabel('Action').fill('alert_rule.create');
    await page.waitForURL((url) => url.searchParams.get('action') === 'alert_rule.create');
    const actions = page.getByRole('table', { name: 'Actions, newest first' });
    // Only the filtered rows: the rule's creation, nothing else. The unfiltered page stays on
    // screen until the filtered one arrives, so wait for the sign-ins to leave.
    await actions.getByRole('row').filter({ hasText: 'auth.login' }).first().waitFor({
      state: 'detached',
    });
    await actions.getByRole('row').filter({ hasText: RULE_ID_PATTERN }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await checkAndPhotograph(page, 'alerting-9-audit-laptop');
  }, 240_000);

  it('raises a user’s bell count live when a budget crosses 80 %', async () => {
    await api('auth/register', { body: { ...USER, displayName: 'Budget User' } });
    const token = await tokenOf(USER);
    const category = await api<{ id: string }>('categories', {
      token,
      body: { name: 'Groceries', kind: 'expense' },
    });
    await api('budgets', {
      token,
      body: {
        categoryId: category.id,
        period: 'monthly',
        limitCents: 10_000,
        currency: 'EUR',
        startDate: '2020-01-01',
        alertThresholds: [80, 100],
      },
    });
    const page = await browser.signedInPage(USER);
    const bell = page.getByRole('button', { name: /^Notifications, / });
    await expect(bell.getAttribute('aria-label')).resolves.toMatch(/none unread/);
    // Live updates connected: what happens from now on reaches this tab.
    await page.getByRole('status').filter({ hasText: 'Live updates: Live' }).waitFor();

    // From another device: a purchase that takes the budget to 85 %.
    await api('transactions', {
      token,
      body: {
        amountCents: 8_500,
        currency: 'EUR',
        categoryId: category.id,
        description: 'Supermarket',
        occurredOn: new Date().toISOString().slice(0, 10),
      },
    });
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    await page
      .getByText(/is at 80% of its budget/)
      .first()
      .waitFor();
    await checkAndPhotograph(page, 'alerting-10-user-bell-laptop');
  }, 120_000);

  it.each(Object.entries(WIDTHS))(
    'shows the alerting pages at %s width with no serious accessibility violation',
    async (name, viewport) => {
      const page = await browser.signedInPage(ADMIN, viewport);
      for (const { path, heading } of [
        { path: '/admin', heading: 'Admin' },
        { path: '/admin/alerts', heading: 'Alert rules' },
        { path: '/admin/alerts/new', heading: 'New alert rule' },
        { path: '/admin/alerts/contact-points', heading: 'Contact points' },
        { path: '/admin/alerts/history', heading: 'Alert history' },
        { path: '/settings/notifications', heading: /^Settings$/ },
        { path: '/notifications', heading: /Notifications/ },
      ]) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.waitForLoadState('networkidle');
        expect({ path, violations: await seriousViolations(page) }).toEqual({
          path,
          violations: [],
        });
        const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect({ path, pageWidth }).toEqual({ path, pageWidth: viewport.width });
        const slug = path.slice(1).replace(/\//g, '-');
        await screenshot(page, `alerting-${slug}-${name}`);
      }
    },
    90_000,
  );
});
