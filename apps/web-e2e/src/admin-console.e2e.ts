import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { launchChromium, screenshot } from './support/browser';
import { type RunningApp, startApp } from './support/app';

const ADMIN = { email: 'admin@example.com', password: 'admin-password-1' };
const WIDTHS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const PAGES = [
  { path: '/admin', heading: 'Admin' },
  { path: '/admin/logs', heading: 'Logs' },
  { path: '/admin/exceptions', heading: 'Exceptions' },
  { path: '/admin/performance', heading: 'Performance' },
  { path: '/admin/audit', heading: 'Audit Logs' },
  { path: '/admin/events', heading: 'Events' },
];

/**
 * An admin in the console, in Chromium: from a failing request to its exception group and on to
 * the request's log lines; every admin page at laptop and phone widths, checked with axe-core
 * and photographed (dist/apps/web-e2e/screenshots/admin-*.png).
 */
describe('an admin finds a failure in the console', () => {
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
  });

  async function signedInPage(viewport: { width: number; height: number }): Promise<Page> {
    // bypassCSP: axe-core is injected as a script, which the app's CSP would refuse.
    const context = await browser.newContext({
      viewport,
      baseURL: app.baseUrl,
      reducedMotion: 'reduce',
      bypassCSP: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    return page;
  }

  /** A request that fails on the server (the API's sample exception), as an admin. */
  async function failRequest(): Promise<void> {
    const login = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const failed = await fetch(`${app.baseUrl}/api/v1/logging/exceptions/test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(failed.status).toBe(500);
  }

  it('goes from a failing request to its exception group and to that request’s log lines', async () => {
    await failRequest();
    const page = await signedInPage(WIDTHS.laptop);
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('link', { name: 'Open exceptions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exceptions' }).waitFor();

    // Captured off the request path: the group shows up within moments.
    const group = page.getByRole('link', { name: /SampleException/ }).first();
    for (let attempt = 0; attempt < 20 && !(await group.isVisible()); attempt++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await group.click();
    await page.getByRole('heading', { level: 1, name: /SampleException/ }).waitFor();

    await page.locator('a[href^="/admin/logs?traceId="]').first().click();
    await page.getByRole('heading', { level: 1, name: 'Logs' }).waitFor();
    const traceId = new URL(page.url()).searchParams.get('traceId');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    await expect(page.getByLabel('Trace ID').inputValue()).resolves.toBe(traceId);
    // The failed request's own lines, the error among them.
    await page.getByText(/Sample exception [0-9a-f-]{36}/).first().waitFor();
    await screenshot(page, 'admin-logs-of-a-trace-laptop');
  }, 60_000);

  it.each(Object.entries(WIDTHS))(
    'shows every admin page at %s width with no serious accessibility violation',
    async (name, viewport) => {
      const page = await signedInPage(viewport);
      for (const { path, heading } of PAGES) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.waitForLoadState('networkidle');
        expect({ path, violations: await seriousViolations(page) }).toEqual({
          path,
          violations: [],
        });
        const slug = path === '/admin' ? 'home' : path.slice('/admin/'.length);
        await screenshot(page, `admin-${slug}-${name}`);
      }
    },
    90_000,
  );
});
