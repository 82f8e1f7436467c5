import type { Page } from 'playwright-core';
import { WIDTHS } from './support/app-browser';
import { checkAndPhotograph } from './support/axe';
import { appInBrowser, goTo, newUserPage } from './support/journey';

const accountItem = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });

/** The balance an account's row shows, as the user reads it ("Balance €750.00"). */
const balanceOf = (page: Page, name: string) =>
  accountItem(page, name).locator('.account__balance').textContent();

async function createAccount(
  page: Page,
  account: { name: string; kind: string; openingBalance: string },
): Promise<void> {
  await page.getByRole('button', { name: 'New account' }).click();
  const dialog = page.getByRole('dialog', { name: 'New account' });
  await dialog.getByLabel('Name').fill(account.name);
  await dialog.getByLabel('Kind').selectOption({ label: account.kind });
  await dialog.getByLabel('Opening balance').fill(account.openingBalance);
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await accountItem(page, account.name).waitFor();
}

describe('a new user keeps two accounts in the browser', () => {
  const app = appInBrowser();

  it('creates two accounts, transfers between them, reconciles one, and finds the transfer', async () => {
    const page = await newUserPage(app.browser(), 'Alex Accounts', 'accounts');

    await goTo(page, 'Accounts');
    await page.getByText('No accounts yet').waitFor();
    await createAccount(page, { name: 'Everyday', kind: 'Checking', openingBalance: '1000' });
    await createAccount(page, { name: 'Savings', kind: 'Savings', openingBalance: '0' });
    expect(await balanceOf(page, 'Everyday')).toBe('Balance €1,000.00');
    expect(await balanceOf(page, 'Savings')).toBe('Balance €0.00');

    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    const transfer = page.getByRole('dialog', { name: 'Transfer' });
    await transfer.getByLabel('From').selectOption({ label: 'Everyday (EUR)' });
    await transfer.getByLabel('To').selectOption({ label: 'Savings (EUR)' });
    await transfer.getByLabel('Amount').fill('250');
    await transfer.getByLabel('Description').fill('Put aside');
    await checkAndPhotograph(page, 'accounts-transfer-laptop');
    await transfer.getByRole('button', { name: 'Transfer' }).click();
    await transfer.waitFor({ state: 'hidden' });
    await accountItem(page, 'Everyday').getByText('€750.00').waitFor();
    expect(await balanceOf(page, 'Everyday')).toBe('Balance €750.00');
    expect(await balanceOf(page, 'Savings')).toBe('Balance €250.00');
    expect(await page.locator('.account-totals').textContent()).toContain('€1,000.00');

    // The bank paid €10 interest the ledger does not know of yet.
    await page.getByRole('button', { name: 'Reconcile Savings' }).click();
    const reconcile = page.getByRole('dialog', { name: 'Reconcile Savings' });
    await reconcile.getByLabel('Statement balance').fill('260');
    await reconcile.getByRole('button', { name: 'Compare' }).click();
    const result = reconcile.getByRole('status');
    await result.getByText('+€10.00').waitFor();
    expect(await result.textContent()).toContain('€250.00');
    await checkAndPhotograph(page, 'accounts-reconcile-laptop');
    await reconcile.getByRole('button', { name: 'Book adjustment of +€10.00' }).click();
    await result.getByText(/Reconciled on .+, with an adjustment booked/).waitFor();
    await reconcile.getByRole('button', { name: 'Done' }).click();
    await reconcile.waitFor({ state: 'hidden' });
    await accountItem(page, 'Savings').getByText('€260.00').waitFor();
    expect(await accountItem(page, 'Savings').textContent()).toMatch(/Reconciled on \S/);
    expect(await accountItem(page, 'Everyday').textContent()).toContain('Never reconciled');
    await checkAndPhotograph(page, 'accounts-laptop');
    await page.setViewportSize(WIDTHS.phone);
    await checkAndPhotograph(page, 'accounts-phone');
    await page.setViewportSize(WIDTHS.laptop);

    await accountItem(page, 'Everyday').getByRole('link', { name: 'Everyday' }).click();
    await page.getByRole('heading', { level: 1, name: 'Transactions' }).waitFor();
    expect(new URL(page.url()).searchParams.get('accountId')).not.toBeNull();
    const row = page.getByRole('button', { name: /Put aside/ });
    await row.getByText('Transfer to Savings').waitFor();
    expect(await row.textContent()).toContain('−€250.00');
    expect(await page.getByText('Reconciliation adjustment').count()).toBe(0);
  });
});
