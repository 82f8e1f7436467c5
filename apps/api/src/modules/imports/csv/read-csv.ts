import { InvalidRequestError } from '../../../common/errors/domain-errors';
import { decimalSeparatorFitting } from './amounts';
import { columnsByContent, columnsByHeader, looksLikeHeader } from './columns';
import { CsvRecord, detectDelimiter, recordsOf } from './csv-records';
import { CsvRow, RefusedRow, rowOf } from './csv-row';
import { ColumnMapping, CsvSettings, CsvSettingsChoice, NO_COLUMNS } from './csv-settings';
import { dateFormatsFitting } from './date-formats';
import { badFile, decodeUpload } from './decode-upload';

/** A file read with its settings: every line either a row to store or refused with reasons. */
export interface CsvReading {
  settings: CsvSettings;
  /** The first record's cells when it names the columns, else null. */
  header: string[] | null;
  /** How many columns the widest record has. */
  columnCount: number;
  /**
   * The date formats that fit every date equally well, when detection could not choose between
   * them (and the user did not): the user must choose. Empty otherwise.
   */
  ambiguousDateFormats: string[];
  rows: CsvRow[];
  refused: RefusedRow[];
}

const ROLE_WORDS: Record<keyof ColumnMapping, string> = {
  date: 'date (Date, Datum)',
  amount: 'amount (Amount, Betrag)',
  debit: 'debit',
  credit: 'credit',
  description: 'description (Description, Payee, Memo, Verwendungszweck)',
  category: 'category',
};

/** What is missing or wrong in a mapping, by field, in words. */
function mappingProblems(columns: ColumnMapping, columnCount: number): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  for (const role of ['date', 'description'] as const) {
    if (columns[role] === null) {
      problems[`${role}Column`] = [
        `the file has no ${ROLE_WORDS[role]} column; choose which column holds it`,
      ];
    }
  }
  const twoColumns = columns.debit !== null || columns.credit !== null;
  if (columns.amount === null && !twoColumns) {
    problems.amountColumn = [
      `the file has no ${ROLE_WORDS.amount} column, nor debit/credit columns; choose which column holds the amount`,
    ];
  }
  if (columns.amount !== null && twoColumns) {
    problems.amountColumn = ['choose either an amount column or debit/credit columns, not both'];
  }
  for (const [role, column] of Object.entries(columns)) {
    if (column !== null && column >= columnCount) {
      problems[`${role}Column`] = [
        `column ${column + 1} does not exist: the file has ${columnCount} columns`,
      ];
    }
  }
  return problems;
}

function columnsOf(
  choice: CsvSettingsChoice,
  header: string[] | null,
  body: CsvRecord[],
): ColumnMapping {
  if (choice.columns) return { ...NO_COLUMNS, ...choice.columns };
  return header ? columnsByHeader(header) : columnsByContent(body.map((record) => record.cells));
}

const valuesIn = (records: CsvRecord[], column: number | null) =>
  column === null ? [] : records.map((record) => record.cells[column] ?? '');

/**
 * Reads an uploaded CSV: decodes it, detects what the user did not choose (delimiter, header,
 * columns, date format, decimal separator) and turns each line into a row or a refusal.
 * A file that cannot be read at all (encoding, no rows, missing columns, no dates) is refused
 * with an InvalidRequestError whose details name the fields.
 */
export function readCsv(bytes: Uint8Array, choice: CsvSettingsChoice = {}): CsvReading {
  const text = decodeUpload(bytes);
  const delimiter = choice.delimiter ?? detectDelimiter(text);
  const records = recordsOf(text, delimiter);
  const hasHeader = choice.hasHeader ?? looksLikeHeader(records[0]?.cells ?? []);
  const header = hasHeader ? (records[0]?.cells.map((cell) => cell.trim()) ?? []) : null;
  const body = hasHeader ? records.slice(1) : records;
  if (body.length === 0) throw badFile('The file has no transactions below its header.');
  const columnCount = Math.max(...records.map((record) => record.cells.length));
  const columns = columnsOf(choice, header, body);
  const problems = mappingProblems(columns, columnCount);
  if (Object.keys(problems).length > 0) {
    throw new InvalidRequestError('The columns of the file could not all be found', problems);
  }
  const fitting = dateFormatsFitting(valuesIn(body, columns.date));
  const dateFormat = choice.dateFormat ?? fitting[0];
  if (!dateFormat) {
    const sample = valuesIn(body, columns.date).find((value) => value.trim() !== '') ?? '';
    throw new InvalidRequestError('The date column holds no dates', {
      dateColumn: [
        `no known date format reads the date column (e.g. '${sample.trim()}' on line ${body[0].line}); choose the date column or format`,
      ],
    });
  }
  const amountValues = [columns.amount, columns.debit, columns.credit].flatMap((column) =>
    valuesIn(body, column),
  );
  const settings: CsvSettings = {
    delimiter,
    hasHeader,
    dateFormat,
    decimalSeparator: choice.decimalSeparator ?? decimalSeparatorFitting(amountValues),
    columns,
  };
  const rows: CsvRow[] = [];
  const refused: RefusedRow[] = [];
  for (const record of body) {
    const row = rowOf(record, settings);
    if ('reason' in row) refused.push(row);
    else rows.push(row);
  }
  return {
    settings,
    header,
    columnCount,
    ambiguousDateFormats: choice.dateFormat || fitting.length < 2 ? [] : fitting,
    rows,
    refused,
  };
}
