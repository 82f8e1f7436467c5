import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';

export type ExportFormat = 'csv' | 'json' | 'txt';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** How rows are laid out: CSV columns in order, and the line of a row in plain text. */
export interface ExportLayout<T> {
  columns: (keyof T & string)[];
  /** One line of text per row; without it, `txt` writes one JSON object per line. */
  textLine?: (row: T) => string;
}

/** A cell's text: objects as JSON, nothing for null. */
function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * CSV with a byte order mark and a header row: RFC 4180 quoting, and cells starting with `=`, `+`, `-`, `@`, tab or
 * carriage return prefixed with `'` so a spreadsheet shows them as text instead of running them
 * as formulas.
 */
function csvStream<T extends object>(rows: AsyncIterable<T>, columns: (keyof T & string)[]) {
  const cells = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((column) => cellOf(row[column]));
    })(),
  );
  return cells.pipe(
    stringify({
      header: true,
      columns,
      escape_formulas: true,
      record_delimiter: 'windows',
      // The byte order mark makes Excel read the file as UTF-8 (names, descriptions, agents).
      bom: true,
    }),
  );
}

/** One JSON array, written element by element. */
function jsonStream<T>(rows: AsyncIterable<T>): Readable {
  return Readable.from(
    (async function* () {
      let first = true;
      yield '[';
      for await (const row of rows) {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
        first = false;
      }
      yield first ? ']\n' : '\n]\n';
    })(),
  );
}

/** One line per row. */
function textStream<T>(rows: AsyncIterable<T>, line: (row: T) => string): Readable {
  return Readable.from(
    (async function* () {
      for await (const row of rows) yield `${line(row)}\n`;
    })(),
  );
}

/** Streams rows as CSV, JSON or text without holding them in memory. */
export function exportStream<T extends object>(
  rows: AsyncIterable<T>,
  format: ExportFormat,
  layout: ExportLayout<T>,
): Readable {
  if (format === 'csv') return csvStream(rows, layout.columns);
  if (format === 'json') return jsonStream(rows);
  return textStream(rows, layout.textLine ?? ((row) => JSON.stringify(row)));
}
