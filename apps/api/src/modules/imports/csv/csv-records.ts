import { CsvError, parse } from 'csv-parse/sync';
import { badFile } from './decode-upload';
import { DELIMITERS, Delimiter } from './csv-settings';

/** One record of the file: its cells and the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A record as csv-parse answers it with `info: true`: `lines` is the line it ends on. */
interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** How many lines detection looks at. */
const SAMPLE_LINES = 30;

const newlinesIn = (cells: readonly string[]) =>
  cells.reduce((count, cell) => count + cell.split('\n').length - 1, 0);

/** The records of `text` (up to line `toLine`), empty lines and lines of empty cells left out. */
export function recordsOf(text: string, delimiter: Delimiter, toLine?: number): CsvRecord[] {
  let parsed: ParsedRecord[];
  try {
    // csv-parse's types do not follow `info: true`, which wraps each record with its position.
    parsed = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      ...(toLine ? { to_line: toLine } : {}),
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw badFile(
      `The file is not valid CSV${line ? ` (line ${line})` : ''}: ${error.message.replace(/^[^:]*: /, '')}.`,
    );
  }
  return parsed
    .filter(({ record }) => record.some((cell) => cell.trim() !== ''))
    .map(({ record, info }) => ({ line: info.lines - newlinesIn(record), cells: record }));
}

/** How well `delimiter` splits the sample: records of the most common width, then that width. */
function fitOf(text: string, delimiter: Delimiter): [number, number] {
  let records: CsvRecord[];
  try {
    records = recordsOf(text, delimiter, SAMPLE_LINES);
  } catch {
    return [0, 0];
  }
  const widths = new Map<number, number>();
  for (const { cells } of records) widths.set(cells.length, (widths.get(cells.length) ?? 0) + 1);
  let best: [number, number] = [0, 0];
  for (const [width, count] of widths) {
    if (width > 1 && (count > best[0] || (count === best[0] && width > best[1]))) {
      best = [count, width];
    }
  }
  return best;
}

/**
 * The delimiter that splits the first lines into the most records of one width (more than one
 * column), then into the most columns; `,` when none splits them.
 */
export function detectDelimiter(text: string): Delimiter {
  let chosen: Delimiter = ',';
  let best: [number, number] = [0, 0];
  for (const delimiter of DELIMITERS) {
    const fit = fitOf(text, delimiter);
    if (fit[0] > best[0] || (fit[0] === best[0] && fit[1] > best[1])) {
      [chosen, best] = [delimiter, fit];
    }
  }
  return chosen;
}
