import type { Page } from 'playwright-core';
import { AppBrowser, WIDTHS } from './support/app-browser';
import { screenshot } from './support/browser';
import { type RunningApp, startApp } from './support/app';

const LAPTOP = WIDTHS.laptop;
const PHONE = { width: 375, height: 812 };

/** `YYYY-MM-DD` of a day relative to today, as the date input takes it (the browser's zone). */
function isoDay(offsetDays: number): string {
  const day = new Date();
  day.setDate(day.getDate() + offsetDays);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

async function addTransaction(
  page: Page,
  entry: { description: string; amount: string; day: string; category: string },
) {
  await page.getByRole('button', { name: 'Add transaction' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add transaction' });
  await dialog.getByLabel('Description').fill(entry.description);
  await dialog.getByLabel('Amount').fill(entry.amount);
  await dialog.getByLabel('Date').fill(entry.day);
  await dialog.getByLabel('Category').selectOption({ label: entry.category });
  await dialog.getByRole('button', { name: 'Add transaction' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('a new user manages money in the browser', () => {
  let app: RunningApp;
  let browser: AppBrowser;
  const email = `e2e-${Date.now()}@example.com`;
  const password = 'correct-horse-battery-9';

  beforeAll(async () => {
    app = await startApp();
    browser = await AppBrowser.launch(app.baseUrl);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('registers, sets up a category, a budget and transactions, and sees another tab’s new transaction live', async () => {
    const page = await browser.newPage(LAPTOP);
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await screenshot(page, '01-sign-in');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('Erin Example');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await screenshot(page, '02-dashboard-new-user');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Categories' })
      .click();
    await page.getByRole('button', { name: 'New category' }).click();
    const categoryDialog = page.getByRole('dialog', { name: 'New category' });
    await categoryDialog.getByLabel('Name').fill('Groceries');
    await categoryDialog.getByLabel('Kind').selectOption('expense');
    await categoryDialog.getByRole('button', { name: 'Create category' }).click();
    await categoryDialog.waitFor({ state: 'hidden' });
    await page.getByText('Groceries').first().waitFor();
    await screenshot(page, '03-categories');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Budgets' })
      .click();
    await page.getByRole('button', { name: 'New budget' }).click();
    const budgetDialog = page.getByRole('dialog');
    await budgetDialog.getByLabel('Category').selectOption({ label: 'Groceries' });
    await budgetDialog.getByLabel('Limit').fill('200');
    await budgetDialog.getByRole('button', { name: 'Create budget' }).click();
    await budgetDialog.waitFor({ state: 'hidden' });
    const budgetBar = page.getByRole('progressbar', { name: 'Groceries spending' });
    expect(Number(await budgetBar.getAttribute('aria-valuenow'))).toBe(0);
    await screenshot(page, '04-budget-before');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Transactions' })
      .click();
    await addTransaction(page, {
      description: 'Weekly groceries',
      amount: '45.50',
      day: isoDay(0),
      category: 'Groceries',
    });
    await addTransaction(page, {
      description: 'Farmers market',
      amount: '12.25',
      day: isoDay(-1),
      category: 'Groceries',
    });
    // Grouped by day: today's group and yesterday's, each with its own header and count; today starts open.
    const dayToggles = page.locator('.day-group__toggle');
    // The list refetches after the second save; wait for its group rather than count too early.
    await dayToggles.nth(1).waitFor();
    await expect(dayToggles.count()).resolves.toBe(2);
    await expect(dayToggles.first().getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(dayToggles.nth(1).getAttribute('aria-expanded')).resolves.toBe('false');
    await dayToggles.nth(1).click();
    await page.getByText('Weekly groceries').waitFor();
    await page.getByText('Farmers market').waitFor();
    await screenshot(page, '05-transactions');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Budgets' })
      .click();
    // €57.75 of €200 (28.9%), or only today's €45.50 (22.8%) when yesterday was last month.
    const expectedPercent = new Date().getDate() === 1 ? 22 : 28;
    await page.waitForFunction(
      (atLeast) =>
        Number(
          document
            .querySelector('[role="progressbar"][aria-label="Groceries spending"]')
            ?.getAttribute('aria-valuenow'),
        ) > atLeast,
      expectedPercent,
    );
    await screenshot(page, '06-budget-after');

    // The same user on another device, signed in to the transactions page directly.
    const other = await browser.newPage(LAPTOP);
    await other.goto('/transactions');
    await other.waitForURL(/\/sign-in\?next=/);
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Password').fill(password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByText('Weekly groceries').waitFor();
    await other.locator('.connection__label', { hasText: 'Live' }).waitFor();

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Transactions' })
      .click();
    await addTransaction(page, {
      description: 'Coffee beans',
      amount: '8.00',
      day: isoDay(0),
      category: 'Groceries',
    });
    // No reload on the other device: the event arrives over the socket.
    const live = other.locator('.transaction', { hasText: 'Coffee beans' });
    await live.waitFor();
    await live.getByText('New').waitFor();
    await screenshot(other, '07-transactions-live-on-another-device');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await page.getByText('Coffee beans').waitFor();
    await screenshot(page, '08-dashboard');
    await page.setViewportSize(PHONE);
    await screenshot(page, '09-dashboard-phone');
    await other.setViewportSize(PHONE);
    await screenshot(other, '10-transactions-phone');
  }, 180_000);
});
