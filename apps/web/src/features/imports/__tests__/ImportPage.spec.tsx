import { screen, within } from '@testing-library/react';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import { ImportPage } from '../ImportPage';
import { fakeUploads } from './fake-upload';
import { anAccount, anAccountList, aPreview, aSummary } from './import-fixtures';

const ACCOUNTS = 'GET /api/v1/accounts';
const PREVIEW = 'POST /api/v1/imports/csv/preview';
const IMPORT = 'POST /api/v1/imports/csv';

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [ACCOUNTS]: json(anAccountList([anAccount(), anAccount({ id: 'b2', name: 'Savings' })])),
    [PREVIEW]: json(aPreview()),
    [IMPORT]: json(aSummary(), 201),
    ...routes,
  });
}

const csv = (text = 'Buchungstag;Verwendungszweck;Betrag\n01.09.2026;Miete;-950,00\n') =>
  new File([text], 'bank-export.csv', { type: 'text/csv' });

const show = () => renderPage(<ImportPage />, { url: '/import', path: '/import' });

async function chooseFile(user: ReturnType<typeof show>['user'], file = csv()) {
  await user.upload(await screen.findByLabelText('Bank export (CSV, up to 10 MB)'), file);
}

describe('ImportPage', () => {
  it('shows how much of the file is uploaded', async () => {
    network({ [PREVIEW]: pending });
    fakeUploads({ sentShare: 0.4 });
    const { user } = show();
    await chooseFile(user);
    const uploading = screen.getByRole('progressbar', { name: 'Uploading the file' });
    expect(uploading).toHaveAttribute('value', '40');
    expect(screen.getByRole('status')).toHaveTextContent('Uploading… 40 %');
  });

  it('shows an indeterminate bar while the uploaded file is read', async () => {
    network({ [PREVIEW]: pending });
    fakeUploads();
    const { user } = show();
    await chooseFile(user);
    const reading = await screen.findByRole('progressbar', { name: 'Reading the file…' });
    expect(reading).not.toHaveAttribute('value');
  });

  it('previews the rows as they will be stored, with the detected settings and refused lines', async () => {
    network();
    const uploads = fakeUploads();
    const { user } = show();
    await chooseFile(user);
    const table = await screen.findByRole('table', {
      name: 'The first 2 of 3 lines, as they will be stored',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Miete Wohnung');
    expect(rows[1]).toHaveTextContent('Miete (unknown category, left uncategorised)');
    expect(rows[1]).toHaveTextContent('−€950.00');
    expect(rows[2]).toHaveTextContent('+€3,250.00');
    expect(screen.getByRole('heading', { name: '1 line cannot be imported' })).toBeVisible();
    expect(screen.getByText("Line 4: amount 'zwölf' is not an amount")).toBeVisible();
    expect(screen.getByLabelText('Delimiter')).toHaveValue(';');
    expect(screen.getByLabelText('Date format')).toHaveValue('DD.MM.YYYY');
    expect(screen.getByLabelText('Amount column')).toHaveDisplayValue('Betrag (EUR)');
    expect(screen.getByLabelText('Debit (money out) column')).toHaveDisplayValue('None');
    // Nothing was chosen yet: the API detects everything.
    expect(uploads.fieldsSentTo('/api/v1/imports/csv/preview')).toEqual({});
  });

  it('reads the file again with a setting the user changed, columns sent whole', async () => {
    network();
    const uploads = fakeUploads();
    const { user } = show();
    await chooseFile(user);
    await user.selectOptions(await screen.findByLabelText('Decimal separator'), '.');
    expect(uploads.fieldsSentTo('/api/v1/imports/csv/preview')).toEqual({ decimalSeparator: '.' });
    await user.selectOptions(screen.getByLabelText('Category column'), 'None');
    expect(uploads.fieldsSentTo('/api/v1/imports/csv/preview')).toEqual({
      decimalSeparator: '.',
      dateColumn: '0',
      descriptionColumn: '1',
      amountColumn: '2',
    });
    expect(uploads.sent).toHaveLength(3);
  });

  it('shows why a file cannot be read next to the file input', async () => {
    network({
      [PREVIEW]: apiError(400, 'The file is not UTF-8 text', {
        file: ['The file is not UTF-8 text (line 2 holds bytes that are not UTF-8).'],
      }),
    });
    fakeUploads();
    const { user } = show();
    await chooseFile(user);
    const input = screen.getByLabelText('Bank export (CSV, up to 10 MB)');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file is not UTF-8 text (line 2 holds bytes that are not UTF-8).',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(
      'The file is not UTF-8 text (line 2 holds bytes that are not UTF-8).',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('refuses a file over 10 MB without uploading it', async () => {
    network();
    const uploads = fakeUploads();
    const { user } = show();
    const large = csv();
    Object.defineProperty(large, 'size', { value: 10 * 1024 * 1024 + 1 });
    await chooseFile(user, large);
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is larger than 10 MB');
    expect(uploads.sent).toHaveLength(0);
  });

  it('asks to choose the date format when both day-month orders fit, before importing', async () => {
    const api = network({
      [PREVIEW]: json(aPreview({ ambiguousDateFormats: ['DD/MM/YYYY', 'MM/DD/YYYY'] })),
    });
    const uploads = fakeUploads();
    const { user } = show();
    await chooseFile(user);
    const format = await screen.findByLabelText('Date format');
    expect(format).toHaveAccessibleDescription(
      'DD/MM/YYYY and MM/DD/YYYY both fit every date: choose the one your bank uses',
    );
    expect(screen.getByRole('button', { name: 'Import 2 lines' })).toBeDisabled();

    api.on(PREVIEW, json(aPreview()));
    await user.selectOptions(format, 'MM/DD/YYYY');
    expect(uploads.fieldsSentTo('/api/v1/imports/csv/preview')).toEqual({
      dateFormat: 'MM/DD/YYYY',
    });
    expect(await screen.findByRole('button', { name: 'Import 2 lines' })).toBeEnabled();
  });

  it('imports into the chosen account and summarises duplicates', async () => {
    network();
    const uploads = fakeUploads();
    const { user } = show();
    await chooseFile(user);
    await user.selectOptions(await screen.findByLabelText('Import into account'), 'Savings (EUR)');
    await user.click(screen.getByLabelText('Skip the lines that cannot be imported'));
    await user.click(screen.getByRole('button', { name: 'Import 2 lines' }));

    expect(
      await screen.findByRole('heading', { name: 'Imported 26 transactions into Savings' }),
    ).toBeVisible();
    expect(screen.getByText('Line 5: already stored in the account')).toBeVisible();
    expect(screen.getByText('Line 29: repeats line 7')).toBeVisible();
    expect(uploads.fieldsSentTo('/api/v1/imports/csv')).toEqual({
      delimiter: ';',
      hasHeader: 'true',
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
      dateColumn: '0',
      descriptionColumn: '1',
      amountColumn: '2',
      categoryColumn: '3',
      accountId: 'b2',
      skipInvalidRows: 'true',
    });
    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    expect(screen.getByLabelText('Bank export (CSV, up to 10 MB)')).toBeVisible();
  });

  it('says it is importing while the API stores the lines', async () => {
    network({ [IMPORT]: pending });
    fakeUploads();
    const { user } = show();
    await chooseFile(user);
    await user.click(await screen.findByRole('button', { name: 'Import 2 lines' }));
    expect(await screen.findByRole('progressbar', { name: 'Importing…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Importing…' })).toBeDisabled();
  });

  it('lists the lines a refused import names, nothing having been imported', async () => {
    network({
      [IMPORT]: apiError(
        422,
        '1 line cannot be imported, so nothing was: correct it or import with skipInvalidRows',
        { 'line 4': ["amount 'zwölf' is not an amount"] },
      ),
    });
    fakeUploads();
    const { user } = show();
    await chooseFile(user);
    await user.click(await screen.findByRole('button', { name: 'Import 2 lines' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '1 line cannot be imported, so nothing was',
    );
    const named = screen.getAllByRole('listitem').filter((item) => item.closest('.import-errors'));
    expect(named.map((item) => item.textContent)).toEqual([
      "Line 4: amount 'zwölf' is not an amount",
    ]);
  });
});
