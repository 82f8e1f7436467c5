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

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD.MM.YYYY',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD-MM-YYYY',
  'YYYY/MM/DD',
  'DD.MM.YY',
  'DD/MM/YY',
  'MM/DD/YY',
] as const;

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
