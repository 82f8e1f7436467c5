import type { ColumnRole, CsvPreview } from './api/csv-import';

export const DELIMITER_LABELS: Record<string, string> = {
  ',': 'Comma (,)',
  ';': 'Semicolon (;)',
  '\t': 'Tab',
  '|': 'Pipe (|)',
};

export const DECIMAL_LABELS: Record<string, string> = {
  '.': 'Point: 1,234.56',
  ',': 'Comma: 1.234,56',
};

export { CSV_DATE_FORMATS as DATE_FORMATS } from '@ledgerlens/contracts';

export const ROLE_LABELS: Record<ColumnRole, string> = {
  date: 'Date column',
  amount: 'Amount column',
  debit: 'Debit (money out) column',
  credit: 'Credit (money in) column',
  description: 'Description column',
  category: 'Category column',
};

/** A column's name for the user: its header, or its position. */
export const columnName = (preview: CsvPreview, index: number) =>
  preview.header?.[index] || `Column ${index + 1}`;
