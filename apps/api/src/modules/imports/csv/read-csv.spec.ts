import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidRequestError } from '../../../common/errors/domain-errors';
import { readCsv } from './read-csv';

const SAMPLE = readFileSync(join(__dirname, '../../../../../../docs/samples/bank-export.csv'));
const bytesOf = (text: string) => Buffer.from(text, 'utf8');

function refusal(text: string, ...choice: Parameters<typeof readCsv>[1][]): InvalidRequestError {
  try {
    readCsv(bytesOf(text), choice[0]);
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error('readCsv accepted the file');
}

describe('readCsv', () => {
  it('reads the German sample export: semicolons, DD.MM.YYYY, decimal commas, a category', () => {
    const reading = readCsv(SAMPLE);
    expect(reading.settings).toEqual({
      delimiter: ';',
      hasHeader: true,
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
      columns: { date: 0, description: 1, amount: 2, debit: null, credit: null, category: 3 },
    });
    expect(reading.header).toEqual([
      'Buchungstag',
      'Verwendungszweck',
      'Betrag (EUR)',
      'Kategorie',
    ]);
    expect(reading.rows).toHaveLength(27);
    expect(reading.refused).toEqual([]);
    expect(reading.rows[2]).toEqual({
      line: 4,
      occurredOn: '2026-09-05',
      amountCents: 780,
      type: 'expense',
      description: 'Bäckerei Müller',
      categoryName: 'Lebensmittel',
    });
    expect(reading.rows[8]).toMatchObject({ amountCents: 325_000, type: 'income' });
    expect(reading.rows[3].categoryName).toBeNull();
  });

  it('refuses bad lines with their line numbers and every reason, reading the rest', () => {
    const reading = readCsv(
      bytesOf(
        'Date,Description,Amount\n' +
          '2026-01-02,Coffee,-3.50\n' +
          '\n' +
          '2026-01-03,Lunch,12.3x\n' +
          '2026-02-30,,0\n' +
          '2026-01-04,Refund,"1,000.00"\n',
      ),
    );
    expect(reading.rows.map((row) => [row.line, row.amountCents, row.type])).toEqual([
      [2, 350, 'expense'],
      [6, 100_000, 'income'],
    ]);
    expect(reading.refused).toEqual([
      { line: 4, reason: "amount '12.3x' is not an amount" },
      {
        line: 5,
        reason:
          "date '2026-02-30' is not a date as YYYY-MM-DD; description is empty; amount is zero",
      },
    ]);
  });

  it('reads debit and credit columns as money out and in', () => {
    const reading = readCsv(
      bytesOf(
        'Datum\tEmpfänger\tSoll\tHaben\n01.02.2026\tMiete\t950,00\t\n02.02.2026\tLohn\t\t2.000,00\n',
      ),
    );
    expect(reading.settings.delimiter).toBe('\t');
    expect(reading.rows.map((row) => [row.description, row.type, row.amountCents])).toEqual([
      ['Miete', 'expense', 95_000],
      ['Lohn', 'income', 200_000],
    ]);
  });

  it('finds the columns by their content when the file has no header', () => {
    const reading = readCsv(bytesOf('Coffee shop|-3.50|2026-01-02\nBakery|-2.10|2026-01-03\n'));
    expect(reading.settings).toMatchObject({
      delimiter: '|',
      hasHeader: false,
      columns: { date: 2, amount: 1, description: 0 },
    });
    expect(reading.rows.map((row) => row.line)).toEqual([1, 2]);
  });

  it('says when both day-month orders fit and reads the order the user chose', () => {
    const text = 'Date,Payee,Amount\n01/02/2026,Coffee,-3.50\n03/04/2026,Tea,-2.00\n';
    expect(readCsv(bytesOf(text)).ambiguousDateFormats).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
    const chosen = readCsv(bytesOf(text), { dateFormat: 'MM/DD/YYYY' });
    expect(chosen.ambiguousDateFormats).toEqual([]);
    expect(chosen.rows.map((row) => row.occurredOn)).toEqual(['2026-01-02', '2026-03-04']);
  });

  it('uses the columns the user chose, exactly', () => {
    const reading = readCsv(bytesOf('a;b;c;d\n2026-01-02;x;Coffee;-3,50\n'), {
      hasHeader: true,
      columns: { date: 0, description: 2, amount: 3 },
    });
    expect(reading.rows[0]).toMatchObject({ description: 'Coffee', amountCents: 350 });
  });

  it('refuses a file without an amount column, naming the field', () => {
    const error = refusal('Date,Description,Note\n2026-01-02,Coffee,hot\n');
    expect(error.details).toEqual({
      amountColumn: [
        'the file has no amount (Amount, Betrag) column, nor debit/credit columns; choose which column holds the amount',
      ],
    });
  });

  it('refuses a chosen column the file does not have', () => {
    const error = refusal('Date,Description,Amount\n2026-01-02,Coffee,-1\n', {
      columns: { date: 0, description: 1, amount: 5 },
    });
    expect(error.details).toEqual({
      amountColumn: ['column 6 does not exist: the file has 3 columns'],
    });
  });

  it('refuses a date column without dates', () => {
    const error = refusal('Date,Description,Amount\nsoon,Coffee,-1\n');
    expect(error.details?.dateColumn?.[0]).toMatch(/^no known date format reads the date column/);
  });

  it('refuses a file with a header and nothing below it', () => {
    expect(refusal('Date,Description,Amount\n').message).toBe(
      'The file has no transactions below its header.',
    );
  });

  it('refuses a file that is not CSV, with the line', () => {
    expect(refusal('Date,Description,Amount\n2026-01-02,"Coffee,-1\n').message).toMatch(
      /^The file is not valid CSV \(line \d\)/,
    );
  });
});
