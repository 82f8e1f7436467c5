import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { WIDTHS } from './support/app-browser';
import { checkAndPhotograph } from './support/axe';
import { appInBrowser, goTo, newUserPage } from './support/journey';

/** Three months of a German bank's export: `DD.MM.YYYY;text;-1.234,56;category`. */
const SAMPLE = resolve(__dirname, '../../../docs/samples/bank-export.csv');
/** The file's line (1 = the header) the copy repeats; the copy follows it. */
const REPEATED_LINE = 12;
const OPENING_BALANCE_CENTS = 120_000;

interface BankLine {
  /** `YYYY-MM` */
  month: string;
  description: string;
  cents: number;
}

function bankLinesOf(csv: string): BankLine[] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [date = '', description = '', amount = ''] = line.split(';');
      const [, month, year] = date.split('.');
      const cents = Math.round(Number(amount.replace(/\./g, '').replace(',', '.')) * 100);
      return { month: `${year}-${month}`, description, cents };
    });
}

const sum = (cents: number[]) => cents.reduce((total, each) => total + each, 0);

/** "€1,234.56", as the app writes an amount for an English-speaking user. */
const euros = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** `2026-11` → "November 2026" */
const monthName = (month: string) =>
  new Date(`${month}-01T12:00:00Z`).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The amount a dashboard total card ("Income", "Spending", "Net") shows. */
const totalCard = (month: Locator, title: string) =>
  month
    .locator('.total-card')
    .filter({ has: month.page().getByRole('heading', { name: title, exact: true }) })
    .locator('.total-card__amount')
    .textContent();

describe('a person moving from a spreadsheet imports a bank export in the browser', () => {
  const csv = readFileSync(SAMPLE, 'utf8');
  const bankLines = bankLinesOf(csv);
  const app = appInBrowser();
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'csv-import-'));
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('imports three months with one line twice, matches the bank balance, and reads last month', async () => {
    const lines = csv.trim().split('\n');
    lines.splice(REPEATED_LINE, 0, lines[REPEATED_LINE - 1] as string);
    const file = join(folder, 'bank-export.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const page = await newUserPage(app.browser(), 'Sam Spreadsheet', 'csv-import');

    await goTo(page, 'Accounts');
    await page.getByRole('button', { name: 'New account' }).click();
    const form = page.getByRole('dialog', { name: 'New account' });
    await form.getByLabel('Name').fill('Girokonto');
    await form.getByLabel('Opening balance').fill(String(OPENING_BALANCE_CENTS / 100));
    // The day before the export's first line: the opening balance is the bank's on that day.
    await form.getByLabel('Opening date').fill('2026-08-31');
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.waitFor({ state: 'hidden' });

    await goTo(page, 'Import');
    await page.getByLabel('Bank export (CSV, up to 10 MB)').setInputFiles(file);
    const preview = page.getByRole('table', { name: /as they will be stored/ });
    await preview.waitFor();
    expect(await page.getByLabel('Delimiter').inputValue()).toBe(';');
    expect(await page.getByLabel('Date format').inputValue()).toBe('DD.MM.YYYY');
    const [first] = bankLines as [BankLine];
    const firstRow = preview.getByRole('row').nth(1);
    expect(await firstRow.getByRole('cell').allTextContents()).toEqual([
      '2',
      'Sep 1, 2026',
      first.description,
      expect.stringContaining('Miete'),
      `−${euros(-first.cents)}`,
    ]);
    const importButton = page.getByRole('button', { name: `Import ${lines.length - 1} lines` });
    await importButton.waitFor();
    await checkAndPhotograph(page, 'import-preview-laptop');
    await page.setViewportSize(WIDTHS.phone);
    await checkAndPhotograph(page, 'import-preview-phone');
    await page.setViewportSize(WIDTHS.laptop);

    await importButton.click();
    const summary = page.getByRole('region', {
      name: `Imported ${bankLines.length} transactions into Girokonto`,
    });
    await summary.waitFor();
    expect(await summary.getByRole('definition').allTextContents()).toEqual([
      String(bankLines.length),
      '1',
      '0',
    ]);
    await summary
      .getByText(`Line ${REPEATED_LINE + 1}: repeats line ${REPEATED_LINE}`, { exact: true })
      .waitFor();
    await checkAndPhotograph(page, 'import-summary-laptop');
    await page.setViewportSize(WIDTHS.phone);
    await checkAndPhotograph(page, 'import-summary-phone');
    await page.setViewportSize(WIDTHS.laptop);

    await goTo(page, 'Accounts');
    const balance = OPENING_BALANCE_CENTS + sum(bankLines.map(({ cents }) => cents));
    const account = page.getByRole('listitem', { name: 'Girokonto', exact: true });
    // The list shows what it held before the import until it is fetched again.
    await account.getByText(euros(balance)).waitFor();
    expect(await account.locator('.account__balance').textContent()).toBe(
      `Balance ${euros(balance)}`,
    );

    // Last month is the export's last: the dashboard's month field picks it.
    const lastMonth = (bankLines.at(-1) as BankLine).month;
    const ofLastMonth = bankLines.filter(({ month }) => month === lastMonth);
    const income = sum(ofLastMonth.filter(({ cents }) => cents > 0).map(({ cents }) => cents));
    const spending = -sum(ofLastMonth.filter(({ cents }) => cents < 0).map(({ cents }) => cents));
    await goTo(page, 'Dashboard');
    await page.getByLabel('Month', { exact: true }).fill(lastMonth);
    const figures = page.getByRole('region', { name: monthName(lastMonth), exact: true });
    await figures.locator('.total-card').first().waitFor();
    expect(await totalCard(figures, 'Income')).toBe(euros(income));
    expect(await totalCard(figures, 'Spending')).toBe(euros(spending));
    expect(await totalCard(figures, 'Net')).toBe(`+${euros(income - spending)}`);
    const overTime = page.getByRole('region', { name: `12 months to ${monthName(lastMonth)}` });
    // Income beside spending: a bar each for the three months the export covers.
    const incomeSpending = overTime.locator('.trend__chart').first();
    await incomeSpending.locator('svg').first().waitFor();
    expect(await incomeSpending.locator('.recharts-bar-rectangle').count()).toBe(2 * 3);
    await overTime.getByText('Income and spending as a table').click();
    const november = overTime.getByRole('row', { name: /Nov/ }).first();
    expect(await november.getByRole('cell').allTextContents()).toEqual([
      euros(income),
      euros(spending),
      `+${euros(income - spending)}`,
    ]);
    await checkAndPhotograph(page, 'dashboard-last-month-laptop');
    await page.setViewportSize(WIDTHS.phone);
    await checkAndPhotograph(page, 'dashboard-last-month-phone');
  });
});
