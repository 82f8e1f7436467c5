/** The field separators a bank's CSV is read with. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The decimal separators amounts are written with; the other one may group thousands. */
export const DECIMAL_SEPARATORS = ['.', ','] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

/** Which column (0-based) holds what; null: the file has no such column. */
export interface ColumnMapping {
  date: number | null;
  /** One signed amount: negative is an expense, positive an income. */
  amount: number | null;
  /** Or two columns: money out (an expense) and money in (an income). */
  debit: number | null;
  credit: number | null;
  description: number | null;
  category: number | null;
}

export const COLUMN_ROLES = [
  'date',
  'amount',
  'debit',
  'credit',
  'description',
  'category',
] as const satisfies readonly (keyof ColumnMapping)[];
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const NO_COLUMNS: ColumnMapping = {
  date: null,
  amount: null,
  debit: null,
  credit: null,
  description: null,
  category: null,
};

/** How a file is read: detected, or chosen by the user. */
export interface CsvSettings {
  delimiter: Delimiter;
  /** Whether the first record names the columns (it is then not a transaction). */
  hasHeader: boolean;
  dateFormat: string;
  decimalSeparator: DecimalSeparator;
  columns: ColumnMapping;
}

/**
 * What the user chose instead of the detection. When `columns` is given it is the whole
 * mapping: a role it leaves out has no column.
 */
export type CsvSettingsChoice = Partial<Omit<CsvSettings, 'columns'>> & {
  columns?: Partial<ColumnMapping>;
};
