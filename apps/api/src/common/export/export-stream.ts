import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import { visibleControls, withoutFormulas } from './export-escaping';

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

/** A cell's text: objects as JSON, nothing for null, formulas neutralised in text. */
function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  // A number is never run as a formula, and `-5` must stay a number.
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return withoutFormulas(String(value));
}

/**
 * CSV with a byte order mark and a header row, RFC 4180 quoting (a cell holding a quote, comma,
 * CR or LF is quoted), and formulas neutralised on every line of a cell (`withoutFormulas`).
 */
function csvStream<T extends object>(rows: AsyncIterable<T>, columns: (keyof T & string)[]) {
  const cells = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((column) => cellOf(row[column]));
    })(),
  );
  // pipeline, not pipe: a failure of the rows destroys the CSV stream with it, so whoever reads
  // that stream sees the error. Nothing is left for the callback to do.
  return pipeline(
    cells,
    stringify({
      header: true,
      columns,
      escape_formulas: false, // done by cellOf, after every line break too
      record_delimiter: 'windows',
      // The byte order mark makes Excel read the file as UTF-8 (names, descriptions, agents).
      bom: true,
    }),
    () => undefined,
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

/**
 * One line per row. A row's own line breaks continue it on indented lines, and control characters
 * are shown as escapes, so every line that starts at the margin is a row: a message cannot forge
 * another one, nor rewrite a terminal that shows the file.
 */
function textStream<T>(rows: AsyncIterable<T>, line: (row: T) => string): Readable {
  return Readable.from(
    (async function* () {
      for await (const row of rows) {
        yield `${visibleControls(line(row).replace(/\r?\n/g, '\n    '))}\n`;
      }
    })(),
  );
}

/**
 * `rows` with their first row already read: a query that fails at once (bad input, database
 * down) then fails the request with its proper error answer, before any byte of a file is sent.
 */
async function started<T>(rows: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    // yield* also hands an early stop on to the rows (their return()).
    yield* { [Symbol.asyncIterator]: () => iterator };
  })();
}

/**
 * Streams rows as CSV, JSON or text without holding them in memory. Resolves once the first row
 * is read; a later failure destroys the returned stream with the error.
 */
export async function exportStream<T extends object>(
  rows: AsyncIterable<T>,
  format: ExportFormat,
  layout: ExportLayout<T>,
): Promise<Readable> {
  const read = await started(rows);
  if (format === 'csv') return csvStream(read, layout.columns);
  if (format === 'json') return jsonStream(read);
  return textStream(read, layout.textLine ?? ((row) => JSON.stringify(row)));
}
