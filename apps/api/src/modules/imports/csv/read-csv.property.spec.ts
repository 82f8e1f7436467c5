import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { CsvRow } from './csv-row';
import { DECIMAL_SEPARATORS, DELIMITERS, DecimalSeparator } from './csv-settings';
import { DATE_FORMATS, DateFormat } from './date-formats';
import { readCsv } from './read-csv';

const pad = (value: number) => String(value).padStart(2, '0');

function formatDay(day: string, format: DateFormat): string {
  const [year, month, date] = day.split('-');
  return format
    .replace('YYYY', year)
    .replace('YY', year.slice(2))
    .replace('MM', month)
    .replace('DD', date);
}

function formatAmount(cents: number, decimal: DecimalSeparator, grouped: boolean): string {
  const whole = String(Math.floor(Math.abs(cents) / 100));
  const thousands = decimal === ',' ? '.' : ',';
  const shown = grouped ? whole.replace(/\B(?=(\d{3})+$)/g, thousands) : whole;
  return `${cents < 0 ? '-' : ''}${shown}${decimal}${pad(Math.abs(cents) % 100)}`;
}

const transaction = fc.record({
  // Two-digit years read as 2000–2069, so every format can write these days.
  day: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2069-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  cents: fc.integer({ min: 1, max: 10_000_000_000 }),
  expense: fc.boolean(),
  description: fc
    .stringMatching(/^[A-Za-zÄÖÜäöüß0-9 ,;|"'.&\t-]{1,40}$/)
    .filter((text) => text.trim() !== ''),
  category: fc.constantFrom('Groceries', 'Salary', 'Rent', ''),
});

const file = fc.record({
  transactions: fc.array(transaction, { minLength: 1, maxLength: 25 }),
  delimiter: fc.constantFrom(...DELIMITERS),
  dateFormat: fc.constantFrom(...DATE_FORMATS),
  decimal: fc.constantFrom(...DECIMAL_SEPARATORS),
  grouped: fc.boolean(),
  debitCredit: fc.boolean(),
  withCategory: fc.boolean(),
  names: fc.record({
    date: fc.constantFrom('Date', 'Datum', 'Buchungstag', 'Booking date'),
    amount: fc.constantFrom('Amount', 'Betrag', 'Betrag (EUR)'),
    debit: fc.constantFrom('Debit', 'Soll', 'Money out'),
    credit: fc.constantFrom('Credit', 'Haben', 'Money in'),
    description: fc.constantFrom('Description', 'Verwendungszweck', 'Payee', 'Memo'),
    category: fc.constantFrom('Category', 'Kategorie'),
  }),
  order: fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

/** The file as a bank would export it, its columns in a random order. */
function render(input: File): string {
  const columns: [string, (t: File['transactions'][number]) => string][] = [
    [input.names.date, (t) => formatDay(t.day, input.dateFormat)],
    [input.names.description, (t) => t.description],
  ];
  const amount = (t: File['transactions'][number]) =>
    formatAmount(t.expense ? -t.cents : t.cents, input.decimal, input.grouped);
  if (input.debitCredit) {
    columns.push([input.names.debit, (t) => (t.expense ? amount(t).slice(1) : '')]);
    columns.push([input.names.credit, (t) => (t.expense ? '' : amount(t))]);
  } else {
    columns.push([input.names.amount, amount]);
  }
  if (input.withCategory) columns.push([input.names.category, (t) => t.category]);
  const weights = input.order.take(columns.length);
  const shuffled = columns
    .map((column) => ({ column, weight: weights.next().value as number }))
    .sort((a, b) => a.weight - b.weight)
    .map(({ column }) => column);
  return stringify(
    [
      shuffled.map(([name]) => name),
      ...input.transactions.map((t) => shuffled.map(([, value]) => value(t))),
    ],
    { delimiter: input.delimiter },
  );
}

function expectedRows(input: File): CsvRow[] {
  return input.transactions.map((t, index) => ({
    line: index + 2,
    occurredOn: t.day,
    amountCents: t.cents,
    type: t.expense ? 'expense' : 'income',
    description: t.description.trim().replace(/\s+/g, ' '),
    categoryName: input.withCategory && t.category ? t.category : null,
  }));
}

describe('readCsv (property)', () => {
  it('gives back the rows a bank exported, whatever its delimiter, date format and decimals', () => {
    fc.assert(
      fc.property(file, (input) => {
        const bytes = Buffer.from(render(input), 'utf8');
        const detected = readCsv(bytes);
        expect(detected.settings.delimiter).toBe(input.delimiter);
        expect(detected.settings.hasHeader).toBe(true);
        expect(detected.refused).toEqual([]);
        if (detected.ambiguousDateFormats.length > 0) {
          // Every day is the 12th or before: both orders fit, and the user chooses.
          expect(detected.ambiguousDateFormats).toContain(input.dateFormat);
          const chosen = readCsv(bytes, { dateFormat: input.dateFormat });
          expect(chosen.rows).toEqual(expectedRows(input));
        } else {
          expect(detected.settings.dateFormat).toBe(input.dateFormat);
          expect(detected.rows).toEqual(expectedRows(input));
        }
      }),
      { numRuns: 300 },
    );
  });
});
