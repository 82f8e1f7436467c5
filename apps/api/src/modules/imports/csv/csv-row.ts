import type { TransactionType } from '@ledgerlens/contracts';
import { parseAmountCents } from './amounts';
import { CsvRecord } from './csv-records';
import { CsvSettings } from './csv-settings';
import { DateFormat, parseDate } from './date-formats';

/** The longest description a transaction stores. */
export const DESCRIPTION_MAX_LENGTH = 255;

/** A line of the file as it will be stored. */
export interface CsvRow {
  line: number;
  occurredOn: string;
  /** Positive; the type says which way the money went. */
  amountCents: number;
  type: TransactionType;
  description: string;
  /** The category column's text, when the file has one and the line fills it. */
  categoryName: string | null;
}

/** A line that cannot be stored, and why, in words. */
export interface RefusedRow {
  line: number;
  reason: string;
}

const cellAt = (record: CsvRecord, column: number | null) =>
  column === null ? '' : (record.cells[column] ?? '').trim();

type Part<T> = { value: T } | { problem: string };

function dateOf(record: CsvRecord, settings: CsvSettings): Part<string> {
  const text = cellAt(record, settings.columns.date);
  if (text === '') return { problem: 'date is empty' };
  const day = parseDate(text, settings.dateFormat as DateFormat);
  return day
    ? { value: day }
    : { problem: `date '${text}' is not a date as ${settings.dateFormat}` };
}

/** The signed amount: one column, or debit (out) and credit (in). */
function amountOf(record: CsvRecord, settings: CsvSettings): Part<number> {
  const { amount, debit, credit } = settings.columns;
  /** `sign` 0 keeps the text's sign; -1 and 1 make the amount money out or in. */
  const read = (column: number | null, name: string, sign: -1 | 0 | 1): Part<number> | null => {
    const text = cellAt(record, column);
    if (text === '') return null;
    const reading = parseAmountCents(text, settings.decimalSeparator);
    if ('problem' in reading) return { problem: reading.problem.replace(/^amount/, name) };
    return { value: sign === 0 ? reading.cents : sign * Math.abs(reading.cents) };
  };
  if (amount !== null) return read(amount, 'amount', 0) ?? { problem: 'amount is empty' };
  const out = read(debit, 'debit', -1);
  const into = read(credit, 'credit', 1);
  if (out && 'problem' in out) return out;
  if (into && 'problem' in into) return into;
  const filled = [out, into].filter((part) => part !== null && part.value !== 0);
  if (filled.length > 1) return { problem: 'both debit and credit are filled' };
  return filled[0] ?? out ?? into ?? { problem: 'debit and credit are both empty' };
}

function descriptionOf(record: CsvRecord, settings: CsvSettings): Part<string> {
  const text = cellAt(record, settings.columns.description).replace(/\s+/g, ' ');
  if (text === '') return { problem: 'description is empty' };
  if (text.length > DESCRIPTION_MAX_LENGTH) {
    return { problem: `description is longer than ${DESCRIPTION_MAX_LENGTH} characters` };
  }
  return { value: text };
}

/** A record as the transaction it will be stored as, or every reason it cannot be. */
export function rowOf(record: CsvRecord, settings: CsvSettings): CsvRow | RefusedRow {
  const date = dateOf(record, settings);
  const amount = amountOf(record, settings);
  const description = descriptionOf(record, settings);
  const problems = [date, amount, description].flatMap((part) =>
    'problem' in part ? [part.problem] : [],
  );
  if ('value' in amount && amount.value === 0) problems.push('amount is zero');
  if (problems.length > 0 || !('value' in date && 'value' in amount && 'value' in description)) {
    return { line: record.line, reason: problems.join('; ') };
  }
  return {
    line: record.line,
    occurredOn: date.value,
    amountCents: Math.abs(amount.value),
    type: amount.value < 0 ? 'expense' : 'income',
    description: description.value,
    categoryName: cellAt(record, settings.columns.category) || null,
  };
}
