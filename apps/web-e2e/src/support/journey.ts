import type { Page } from 'playwright-core';
import { AppBrowser, WIDTHS } from './app-browser';
import { type RunningApp, startApp } from './app';

/** Follows a link of the main navigation. */
export const goTo = (page: Page, link: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();

/**
 * The app and a browser on it for one journey's tests: started before them, closed after them
 * (closing the browser checks the pages no test checked with axe-core: it takes a while).
 */
export function appInBrowser(): { browser: () => AppBrowser } {
  let app: RunningApp | undefined;
  let browser: AppBrowser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await AppBrowser.launch(app.baseUrl);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, 120_000);
  return {
    browser: () => {
      if (!browser) throw new Error('The app has not started');
      return browser;
    },
  };
}

/**
 * A new user signs up through the registration page on a laptop-wide page, and lands on the
 * dashboard. `topic` makes the email unique to the journey.
 */
export async function newUserPage(browser: AppBrowser, name: string, topic: string): Promise<Page> {
  const page = await browser.newPage(WIDTHS.laptop);
  await page.goto('/register');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(`${topic}-${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('correct-horse-battery-9');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return page;
}
