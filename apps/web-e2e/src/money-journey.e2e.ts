import type { Page } from 'playwright-core';
import { AppBrowser, WIDTHS } from './support/app-browser';
import { checkAndPhotograph } from './support/axe';
import { screenshot } from './support/browser';
import { type RunningApp, startApp } from './support/app';

const LAPTOP = WIDTHS.laptop;
const PHONE = WIDTHS.phone;
/** The most layout shift a page may show while it loads: Web Vitals' "good" CLS. */
const GOOD_CLS = 0.1;

/** `YYYY-MM-DD` of a day relative to today, as the date input takes it (the browser's zone). */
function isoDay(offsetDays: number): string {
  const day = new Date();
  day.setDate(day.getDate() + offsetDays);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Adds a transaction through the form; without a category it is an expense. */
async function addTransaction(
  page: Page,
  entry: { description: string; amount: string; day: string; category?: string },
) {
  await page.getByRole('button', { name: 'Add transaction' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add transaction' });
  await dialog.getByLabel('Description').fill(entry.description);
  await dialog.getByLabel('Amount').fill(entry.amount);
  await dialog.getByLabel('Date').fill(entry.day);
  if (entry.category) await dialog.getByLabel('Category').selectOption({ label: entry.category });
  await dialog.getByRole('button', { name: 'Add transaction' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function createCategory(page: Page, name: string) {
  await page.getByRole('button', { name: 'New category' }).click();
  const dialog = page.getByRole('dialog', { name: 'New category' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Kind').selectOption('expense');
  await dialog.getByRole('button', { name: 'Create category' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const goTo = (page: Page, link: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();

/**
 * The cumulative layout shift of a fresh load of the dashboard, as Chromium reports it
 * (`layout-shift` entries without recent input), once every section has its data.
 */
async function dashboardLoadShift(signedIn: Page, viewport: typeof LAPTOP): Promise<number> {
  // Same context, same session: a new tab opening the dashboard.
  const fresh = await signedIn.context().newPage();
  await fresh.setViewportSize(viewport);
  await fresh.addInitScript(() => {
    const shifts = { total: 0 };
    (window as unknown as { layoutShift: typeof shifts }).layoutShift = shifts;
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) shifts.total += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await fresh.goto('/');
  const month = fresh.getByRole('region', { name: /\d{4}$/ });
  await month.getByRole('table').first().waitFor();
  await fresh.getByRole('region', { name: 'Budgets' }).getByRole('progressbar').first().waitFor();
  await fresh
    .getByRole('region', { name: 'Recent transactions' })
    .getByRole('link')
    .first()
    .waitFor();
  // Two frames, so a shift the last answer caused is reported.
  await fresh.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  const shift = await fresh.evaluate(
    () => (window as unknown as { layoutShift: { total: number } }).layoutShift.total,
  );
  await fresh.close();
  return shift;
}

describe('a new user manages money in the browser', () => {
  let app: RunningApp;
  let browser: AppBrowser;
  /** The user's own browser, signed in by the first test and used by the next. */
  let page: Page;
  const email = `e2e-${Date.now()}@example.com`;
  const password = 'correct-horse-battery-9';

  beforeAll(async () => {
    app = await startApp();
    browser = await AppBrowser.launch(app.baseUrl);
  }, 180_000);

  // Closing the browser checks the pages no test checked with axe-core: it takes a while.
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, 120_000);

  it('registers, sets up a category, a budget and transactions, and sees another tab’s new transaction live', async () => {
    page = await browser.newPage(LAPTOP);
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await screenshot(page, '01-sign-in');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('Erin Example');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await checkAndPhotograph(page, '02-dashboard-new-user');

    await goTo(page, 'Categories');
    await createCategory(page, 'Groceries');
    await createCategory(page, 'Travel');
    await page.getByText('Travel').first().waitFor();
    await screenshot(page, '03-categories');

    await goTo(page, 'Budgets');
    await page.getByRole('button', { name: 'New budget' }).click();
    const budgetDialog = page.getByRole('dialog');
    await budgetDialog.getByLabel('Category').selectOption({ label: 'Groceries' });
    await budgetDialog.getByLabel('Limit').fill('200');
    await budgetDialog.getByRole('button', { name: 'Create budget' }).click();
    await budgetDialog.waitFor({ state: 'hidden' });
    const budgetBar = page.getByRole('progressbar', { name: 'Groceries spending' });
    expect(Number(await budgetBar.getAttribute('aria-valuenow'))).toBe(0);
    await screenshot(page, '04-budget-before');

    await goTo(page, 'Transactions');
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
    await addTransaction(page, { description: 'Bus ticket', amount: '2.80', day: isoDay(0) });
    // Grouped by day: today's group and yesterday's, each with its own header and count, all open.
    const dayToggles = page.locator('.day-group__toggle');
    // The list refetches after each save; wait for the last one rather than count too early.
    await page.getByText('Bus ticket').waitFor();
    await dayToggles.nth(1).waitFor();
    await expect(dayToggles.count()).resolves.toBe(2);
    await expect(dayToggles.first().getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(dayToggles.nth(1).getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByText('Farmers market').waitFor();
    // Closing a day stays possible.
    await dayToggles.nth(1).click();
    await page.getByText('Farmers market').waitFor({ state: 'hidden' });
    await dayToggles.nth(1).click();
    await page.getByText('Farmers market').waitFor();
    await checkAndPhotograph(page, '05-transactions');

    await goTo(page, 'Budgets');
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

    await goTo(page, 'Transactions');
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
    await other.setViewportSize(PHONE);
    await checkAndPhotograph(other, '10-transactions-phone');
  }, 180_000);

  it('filters in plain words, totals what matches, keeps a deleted category and opens a recent transaction', async () => {
    await page.setViewportSize(LAPTOP);
    await goTo(page, 'Transactions');
    const filters = page.getByRole('search', { name: 'Filter transactions' });
    const min = filters.getByLabel('Min amount');
    const max = filters.getByLabel('Max amount');

    // Up to €20: the market and the bus, not the weekly shop.
    await max.fill('20');
    await page.getByText('Weekly groceries').waitFor({ state: 'hidden' });
    // A reversed range and a text where an amount belongs are flagged beside the field, at once.
    await min.fill('50');
    await filters.getByText('The lowest amount is above the highest').waitFor();
    await expect(max.getAttribute('aria-invalid')).resolves.toBe('true');
    await min.fill('abc');
    await filters.getByText('Enter an amount like 12.50').waitFor();
    await expect(min.getAttribute('aria-invalid')).resolves.toBe('true');
    // Meanwhile the list keeps the last valid results: up to €20.
    await page.getByText('Farmers market').waitFor();
    await expect(page.getByText('Weekly groceries').count()).resolves.toBe(0);
    await checkAndPhotograph(page, '11-transactions-filter-messages');
    await filters.getByRole('button', { name: 'Clear filters' }).click();

    // A filtered list tells what all that match add up to.
    await filters.getByLabel('Category').selectOption({ label: 'Groceries' });
    // 45.50 + 12.25 + 8.00, all three expenses in euros.
    await page.getByText('Total of the 3 matching transactions: \u2212€65.75').waitFor();
    await filters.getByRole('button', { name: 'Clear filters' }).click();

    // Travel is deleted while a transaction still uses it: the filter still offers it, marked.
    await addTransaction(page, {
      description: 'Train ticket',
      amount: '39.00',
      day: isoDay(0),
      category: 'Travel',
    });
    await goTo(page, 'Categories');
    await page.getByRole('button', { name: 'Delete Travel' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Travel”?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await goTo(page, 'Transactions');
    await filters.getByLabel('Category').selectOption({ label: 'Travel (deleted)' });
    await page.getByText('Total of the one matching transaction: \u2212€39.00').waitFor();
    await page.getByText('Weekly groceries').waitFor({ state: 'hidden' });
    await expect(page.locator('.transaction').count()).resolves.toBe(1);
    await screenshot(page, '12-transactions-deleted-category');
    await filters.getByRole('button', { name: 'Clear filters' }).click();

    // A recent transaction on the dashboard opens on the transactions page.
    await goTo(page, 'Dashboard');
    const recent = page.getByRole('region', { name: 'Recent transactions' });
    await recent.getByRole('link', { name: /Coffee beans/ }).click();
    await page.waitForURL((url) => url.pathname === '/transactions');
    const opened = page.getByRole('button', { name: /Coffee beans/ });
    await opened.waitFor();
    await expect(opened.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(opened.evaluate((row) => row === document.activeElement)).resolves.toBe(true);
    await page.getByRole('heading', { name: 'Change history' }).waitFor();
    await checkAndPhotograph(page, '13-transaction-opened-from-dashboard');
  }, 180_000);

  it('loads the dashboard without shifting it, and passes axe at both widths', async () => {
    // Measured on fresh loads of a dashboard with data in every section.
    expect(await dashboardLoadShift(page, LAPTOP)).toBeLessThan(GOOD_CLS);
    expect(await dashboardLoadShift(page, PHONE)).toBeLessThan(GOOD_CLS);
    await page.setViewportSize(LAPTOP);
    await goTo(page, 'Dashboard');
    await page
      .getByRole('region', { name: 'Recent transactions' })
      .getByText('Coffee beans')
      .waitFor();
    await page
      .getByRole('region', { name: /\d{4}$/ })
      .getByRole('table')
      .first()
      .waitFor();
    await checkAndPhotograph(page, '08-dashboard');
    await page.setViewportSize(PHONE);
    await checkAndPhotograph(page, '09-dashboard-phone');
  }, 180_000);
});
