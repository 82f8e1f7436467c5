import { WIDTHS } from './support/app-browser';
import { checkAndPhotograph } from './support/axe';
import { appInBrowser, goTo, newUserPage } from './support/journey';

describe('a new user saves for a holiday in the browser', () => {
  const app = appInBrowser();

  it('creates a holiday goal, puts money aside, and sees its progress', async () => {
    const page = await newUserPage(app.browser(), 'Hana Holiday', 'goals');

    await goTo(page, 'Goals');
    await page.getByText('No savings goals yet').waitFor();
    await page.getByRole('button', { name: 'New goal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New savings goal' });
    await dialog.getByLabel('Name').fill('Holiday');
    await dialog.getByLabel('Target amount').fill('1500');
    const inSixMonths = new Date();
    inSixMonths.setUTCMonth(inSixMonths.getUTCMonth() + 6, 1);
    await dialog.getByLabel('Reach it by').fill(inSixMonths.toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const card = page.getByRole('listitem', { name: 'Holiday' });
    await page.getByRole('button', { name: 'Add money to Holiday' }).click();
    const money = page.getByRole('dialog', { name: 'Add money to Holiday' });
    await money.getByLabel('Amount').fill('300');
    await money.getByRole('button', { name: 'Add' }).click();
    await money.waitFor({ state: 'hidden' });
    await card.getByText('€300.00 of €1,500.00 (20%)').waitFor();
    const bar = card.getByRole('progressbar', { name: 'Holiday progress' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('20');
    expect(await card.textContent()).toContain('Needed per month');
    await checkAndPhotograph(page, 'goals-laptop');

    await page.setViewportSize(WIDTHS.phone);
    await checkAndPhotograph(page, 'goals-phone');
  });
});
