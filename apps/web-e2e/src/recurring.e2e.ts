import { WIDTHS } from './support/app-browser';
import { checkAndPhotograph } from './support/axe';
import { appInBrowser, goTo, newUserPage } from './support/journey';

/**
 * A day of the month for a monthly rule whose next occurrence is in the coming 30 days but not
 * today (the hourly job could book today's while the test runs): the day after tomorrow's, or
 * the 1st when that is past the 28th.
 */
function comingMonthDay(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 2);
  return day.getUTCDate() <= 28 ? String(day.getUTCDate()) : '1';
}

describe('a new user sets up a recurring rent in the browser', () => {
  const app = appInBrowser();

  it('creates a monthly rent, sees it in the upcoming list, and skips its next occurrence', async () => {
    const page = await newUserPage(app.browser(), 'Rita Renter', 'recurring');

    await goTo(page, 'Recurring');
    await page.getByText('No recurring rules yet').waitFor();
    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New recurring rule' });
    await dialog.getByLabel('Name').fill('Rent');
    await dialog.getByLabel('Amount').fill('950');
    await dialog.getByLabel('Day of the month').selectOption(comingMonthDay());
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const rule = page.getByRole('listitem', { name: 'Rent' });
    await rule.waitFor();
    expect(await rule.textContent()).toContain('Every month on the');
    const upcoming = page.getByRole('region', { name: 'Upcoming, next 30 days' });
    await upcoming.getByText('Rent').waitFor();
    await checkAndPhotograph(page, 'recurring-laptop');

    await page.getByRole('button', { name: 'Skip next Rent' }).click();
    await upcoming.getByText('Skipped').waitFor();
    await page.setViewportSize(WIDTHS.phone);
    await checkAndPhotograph(page, 'recurring-phone');
  });
});
