import type { Locator, Page } from 'playwright-core';
import { AppBrowser } from './support/app-browser';
import { checkAndPhotograph } from './support/axe';
import { type RunningApp, startApp } from './support/app';

/** A small phone held upright: the height a dialog's buttons must fit in. */
const SMALL_PHONE = { width: 390, height: 700 };

/** The requests a page sends to the API, by method and path (`POST /api/v1/transactions`). */
function apiRequestsOf(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) sent.push(`${request.method()} ${url.pathname}`);
  });
  return sent;
}

/** Whether the whole of the element is inside the viewport. */
async function inViewport(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= viewport.height &&
    box.x + box.width <= viewport.width
  );
}

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const focused = document.activeElement as HTMLInputElement | null;
    return focused?.labels?.[0]?.textContent ?? null;
  });

/**
 * Forms as a new user meets them on a small phone: checked in the browser before anything is
 * sent, messages in plain words beside the fields, dialogs that open on their first field and
 * keep their title and buttons on screen, and failures that end with a reference.
 */
describe('forms and dialogs', () => {
  let app: RunningApp;
  let browser: AppBrowser;
  let page: Page;
  let sent: string[];

  beforeAll(async () => {
    app = await startApp();
    browser = await AppBrowser.launch(app.baseUrl);
    page = await browser.newPage(SMALL_PHONE);
    sent = apiRequestsOf(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('checks the registration form before sending, then registers', async () => {
    await page.goto('/register');
    await page.getByLabel('Email').fill('not-an-address');
    await page.getByRole('button', { name: 'Create account' }).click();

    const name = page.getByLabel('Your name');
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(focusedLabel(page)).resolves.toBe('Your name');
    await page.getByText('Enter your name').waitFor();
    await page.getByText('Enter an email address like name@example.com').waitFor();
    await page.getByText('Enter a password of at least 8 characters').waitFor();
    expect(sent).not.toContain('POST /api/v1/auth/register');
    await checkAndPhotograph(page, 'forms-01-register-checked');

    await name.fill('Frances Form');
    await page.getByLabel('Email').fill(`frances.${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('a-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => url.pathname === '/');
  }, 60_000);

  it('opens the transaction dialog on its first field, with title and buttons on screen, and checks it', async () => {
    await page.goto('/transactions');
    await page.getByRole('button', { name: 'Add transaction' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add transaction' });
    await dialog.waitFor();
    await expect(focusedLabel(page)).resolves.toBe('Description');

    await dialog.getByLabel('Currency').fill('');
    await dialog.getByRole('button', { name: 'Add transaction' }).click();
    await dialog.getByText('Enter a description').waitFor();
    await dialog.getByText('Enter an amount like 12.50').waitFor();
    await dialog.getByText('Enter a currency code like EUR').waitFor();
    await expect(focusedLabel(page)).resolves.toBe('Description');
    expect(sent).not.toContain('POST /api/v1/transactions');

    // Focus on the last field scrolls the body, never the title or the buttons away.
    await dialog.getByLabel('Notes').focus();
    await expect(
      inViewport(page, dialog.getByRole('heading', { name: 'Add transaction' })),
    ).resolves.toBe(true);
    await expect(inViewport(page, dialog.getByRole('button', { name: 'Cancel' }))).resolves.toBe(
      true,
    );
    await expect(
      inViewport(page, dialog.getByRole('button', { name: 'Add transaction' })),
    ).resolves.toBe(true);
    await expect(inViewport(page, dialog.getByLabel('Notes'))).resolves.toBe(true);
    await checkAndPhotograph(page, 'forms-02-transaction-dialog-phone');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }, 60_000);

  it('keeps the budget dialog’s buttons on screen and words a refusal with its reference', async () => {
    await page.goto('/categories');
    await page.getByRole('button', { name: 'New category' }).first().click();
    let dialog = page.getByRole('dialog', { name: 'New category' });
    await dialog.getByLabel('Name').fill('Groceries');
    await dialog.getByRole('button', { name: 'Create category' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The same name again: the API refuses it, beside the field, with the request's reference.
    await page.getByRole('button', { name: 'New category' }).first().click();
    dialog = page.getByRole('dialog', { name: 'New category' });
    await dialog.getByLabel('Name').fill('Groceries');
    await dialog.getByRole('button', { name: 'Create category' }).click();
    const banner = dialog.getByRole('alert');
    await banner.getByText(/Reference: [0-9a-f]{8}/).waitFor();
    await expect(banner.textContent()).resolves.toMatch(/^Check the highlighted fields\./);
    await banner.getByRole('button', { name: 'Copy reference' }).waitFor();
    await expect(dialog.getByLabel('Name').getAttribute('aria-invalid')).resolves.toBe('true');
    await dialog.getByText("A category named 'Groceries' already exists").waitFor();
    await checkAndPhotograph(page, 'forms-03-category-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.goto('/budgets');
    await page.getByRole('button', { name: 'New budget' }).click();
    dialog = page.getByRole('dialog', { name: 'New budget' });
    await dialog.waitFor();
    await expect(focusedLabel(page)).resolves.toBe('Category');
    await expect(
      inViewport(page, dialog.getByRole('button', { name: 'Create budget' })),
    ).resolves.toBe(true);
    await dialog.getByLabel('Alert thresholds (%)').focus();
    await expect(
      inViewport(page, dialog.getByRole('heading', { name: 'New budget' })),
    ).resolves.toBe(true);
    await expect(
      inViewport(page, dialog.getByRole('button', { name: 'Create budget' })),
    ).resolves.toBe(true);
    await checkAndPhotograph(page, 'forms-04-budget-dialog-phone');
  }, 60_000);
});
